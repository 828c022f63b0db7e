// The story from zero (issue 16): a customer signs up, tops up, hosts a domain, buys a
// wildcard on it with auto-renewal on, pays once, and sees it issued by the job; a year
// later (the demo clock, 30 days before expiry) the job takes the fee once, renews, validates
// through the hosted zone and issues until the old expiry plus one year. A second customer,
// whose DNS is elsewhere, adds the TXT record by hand (in the DNS server the e2e app's
// DNS_RESOLVER names) and Verify now issues. Nothing seeded:
// the customer and every row of theirs come from the console. Runs in the "clock" project
// (playwright.config.ts), after every other spec, because the demo clock is global.
import { randomBytes } from "node:crypto";
import type { Browser, Locator, Page } from "@playwright/test";
import { addCalendarYears, addDays } from "../lib/time";
import { addDnsRecord, expect, queryDatabase, runRenewalJob, signUp, test } from "./fixtures";
import { DEMO_ADMIN, signIn, watchForPageErrors } from "./support";

const DAY_MS = 24 * 60 * 60 * 1000;

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signIn(page, DEMO_ADMIN);
  return page;
}

/** The instant the certificate page shows as its expiry: the <time> beside the days left. */
async function shownExpiry(page: Page): Promise<Date> {
  const time = page.getByTestId("days-remaining").locator("xpath=preceding-sibling::time");
  await expect(time).toHaveCount(1);
  return new Date((await time.getAttribute("datetime")) ?? "");
}

async function ledgerRows(page: Page): Promise<Locator> {
  await page.goto("/billing");
  const rows = page.getByTestId("ledger-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  return rows;
}

test.describe("the story from zero", () => {
  test.describe.configure({ mode: "serial" });

  test("sign up, top up, host a domain, buy a wildcard with auto-renewal, issue, and renew a year later", async ({
    page,
    browser,
    request,
  }) => {
    // Sign-up (Argon2), an RSA key, three job runs over every customer's certificates.
    test.setTimeout(300_000);
    const errors = watchForPageErrors(page);
    const zone = `story-${randomBytes(3).toString("hex")}.example.test`;
    const admin = await adminPage(browser);

    try {
      // 1. A new customer, an empty balance, a top-up with the demo payment provider.
      const customer = await signUp(page, "story");
      await expect(page.getByTestId("header-balance")).toContainText("$0.00");
      await page.goto("/billing");
      await expect(page.getByTestId("billing-balance")).toHaveText("$0.00");
      await page.getByTestId("top-up-open").click();
      const topUp = page.getByRole("dialog", { name: "Top up balance" });
      await topUp.getByLabel("Amount (USD)").fill("250");
      await topUp.getByRole("button", { name: "Top up $250.00" }).click();
      await expect(page.getByText("$250.00 added to your balance")).toBeVisible();
      await expect(page.getByTestId("billing-balance")).toHaveText("$250.00");

      // 2. The domain goes into DNS hosting (the demo DNS provider).
      await page.goto("/dns-hosting");
      await page.getByTestId("add-zones-name").fill(zone);
      await page.getByTestId("add-zones-submit").click();
      await expect(page.getByText(`${zone} was added.`)).toBeVisible();
      await expect(page.locator(`[data-testid=hosted-zone][data-zone="${zone}"]`)).toBeVisible();

      // 3. A DNSPod DV wildcard on it, auto-renewal switched on in the order, paid once.
      await page.goto("/certificates/buy");
      await page.getByTestId("order-brand").selectOption("DNSPod");
      await page.getByTestId("order-domain-type").getByText("Wildcard").click();
      await expect(page.getByTestId("order-unit-price")).toHaveText("$99.00");
      await page.getByTestId("order-name").fill(`*.${zone}`);
      await expect(page.getByTestId("order-name-hosted")).toHaveText(
        `Hosted with CertDesk (${zone}): validated automatically.`,
      );
      await expect(page.getByTestId("order-validation-automatic")).toBeVisible();
      const autoRenew = page.getByTestId("order-auto-renew-switch");
      await expect(autoRenew).toBeEnabled();
      if ((await autoRenew.getAttribute("aria-checked")) !== "true") await autoRenew.click();
      await expect(autoRenew).toHaveAttribute("aria-checked", "true");
      const pay = page.getByTestId("order-submit");
      await expect(pay).toHaveText("Pay $99.00");
      await pay.dblclick();
      // The order page's own address (/certificates/buy) must not pass for the certificate's.
      await expect(page).toHaveURL(/\/certificates\/(?!buy$)[\w-]+$/, { timeout: 60_000 });
      const certificateId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
      await expect(page.getByTestId("certificate-domain")).toHaveText(`*.${zone}`);
      await expect(page.getByTestId("header-balance")).toContainText("$151.00");

      let rows = await ledgerRows(page);
      await expect(page.getByTestId("billing-balance")).toHaveText("$151.00");
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(0)).toContainText(/[−-]\$99\.00/);
      await expect(rows.nth(1)).toContainText("+$250.00");

      // 4. The job validates through the hosted zone and issues: valid for about a year.
      await runRenewalJob(request);
      await page.goto(`/certificates/${certificateId}`);
      await expect(page.getByTestId("status-badge").first()).toHaveText("Issued");
      const expiry = await shownExpiry(page);
      const yearFromNow = addCalendarYears(new Date(), 1).getTime();
      expect(Math.abs(expiry.getTime() - yearFromNow), `expiry ${expiry.toISOString()}`).toBeLessThan(2 * DAY_MS);

      // 5. The demo clock: 30 days before that expiry, a minute past the fee's date.
      const target = new Date(addDays(expiry, -30).getTime() + 60_000);
      const set = await admin.request.put("/api/admin/clock", { data: { now: target.toISOString() } });
      expect(set.status()).toBe(200);
      await page.goto("/certificates");
      await expect(page.getByTestId("simulated-clock-badge")).toBeVisible();

      // 6. The job takes the fee once, and the renewal, the domain being hosted, is validated
      // and issued by the job runs that follow.
      const renewedExpiry = addCalendarYears(expiry, 1).toISOString().slice(0, "2026-01-01T00:00:00".length);
      let renewalId = "";
      for (let attempt = 0; attempt < 3 && !renewalId; attempt++) {
        await runRenewalJob(request);
        const renewals = await queryDatabase<{ id: string; status: string }>(
          `SELECT c.id, c.status::text AS status FROM "Certificate" c
           JOIN "RenewalOrder" r ON r."newCertificateId" = c.id
           WHERE r."certificateId" = $1`,
          [certificateId],
        );
        if (renewals[0]?.status === "ISSUED") renewalId = renewals[0].id;
      }
      expect(renewalId, "the renewal was issued").not.toBe("");

      rows = await ledgerRows(page);
      await expect(page.getByTestId("billing-balance")).toHaveText("$52.00");
      await expect(rows).toHaveCount(3);
      await expect(rows.nth(0)).toContainText("Renewal fee");
      await expect(rows.nth(0)).toContainText(/[−-]\$99\.00/);
      await expect(rows.nth(0)).toContainText("$52.00");

      await page.goto(`/certificates/${certificateId}`);
      const chain = page.getByTestId("renewal-chain");
      await expect(chain.locator("li")).toHaveCount(2);
      await chain.getByRole("link", { name: renewalId }).click();
      await expect(page).toHaveURL(new RegExp(`/certificates/${renewalId}$`));
      await expect(page.getByTestId("certificate-domain")).toHaveText(`*.${zone}`);
      await expect(page.getByTestId("status-badge").first()).toHaveText("Issued");
      expect((await shownExpiry(page)).toISOString().slice(0, renewedExpiry.length)).toBe(renewedExpiry);

      // Exactly once, as the ledger holds it: one purchase, one renewal fee, nothing else.
      const entries = await queryDatabase<{ kind: string; amountMinor: number }>(
        `SELECT e.kind::text AS kind, e."amountMinor" FROM "LedgerEntry" e
         JOIN "BillingAccount" a ON a.id = e."accountId" JOIN "User" u ON u.id = a."ownerId"
         WHERE u.email = $1 ORDER BY e."createdAt"`,
        [customer.email],
      );
      expect(entries).toEqual([
        { kind: "TOP_UP", amountMinor: 25_000 },
        { kind: "PURCHASE", amountMinor: -9_900 },
        { kind: "RENEWAL_DEDUCTION", amountMinor: -9_900 },
      ]);
      expect(errors).toEqual([]);
    } finally {
      // Back to real time whatever happened, for whatever runs next on this app.
      expect((await admin.request.delete("/api/admin/clock")).status()).toBe(200);
      await admin.context().close();
    }
  });

  test("a second customer on a third-party domain adds the TXT record by hand; Verify now issues", async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchForPageErrors(page);
    const domain = `shop-${randomBytes(3).toString("hex")}.example.test`;
    await signUp(page, "elsewhere");
    await page.goto("/billing");
    await page.getByTestId("top-up-open").click();
    const topUp = page.getByRole("dialog", { name: "Top up balance" });
    await topUp.getByLabel("Amount (USD)").fill("100");
    await topUp.getByRole("button", { name: "Top up $100.00" }).click();
    await expect(page.getByTestId("billing-balance")).toHaveText("$100.00");

    await page.goto("/certificates/buy");
    await page.getByTestId("order-brand").selectOption("DNSPod");
    await page.getByTestId("order-domain-type").getByText("Single domain").click();
    await page.getByTestId("order-name").fill(domain);
    await expect(page.getByTestId("order-validation-preview")).toContainText(`_dnsauth.${domain}`);
    await page.getByTestId("order-submit").click();
    await expect(page).toHaveURL(/\/certificates\/(?!buy$)[\w-]+$/, { timeout: 60_000 });
    await expect(page.getByTestId("status-badge").first()).toHaveText("Pending validation");

    // Not there yet: Verify now says so and nothing is issued.
    const record = page.getByTestId("validation-record");
    await expect(record.getByTestId("record-name")).toHaveText(`_dnsauth.${domain}`);
    const value = ((await record.getByTestId("record-value").textContent()) ?? "").trim();
    expect(value).toMatch(/\S{16,}/);
    await page.getByTestId("verify-now").click();
    await expect(page.getByTestId("verify-result")).toContainText("The record was not found yet.");
    await expect(page.getByTestId("status-badge").first()).toHaveText("Pending validation");

    await addDnsRecord({ name: `_dnsauth.${domain}`, type: "TXT", value });
    await page.getByTestId("verify-now").click();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Issued", { timeout: 30_000 });
    await expect(page.getByTestId("validation-record")).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
