// Renewing an OV certificate by hand: "Renew now" on its page opens the order form for a
// renewal of it (product and names locked, the organisation prefilled from its last
// approved review), paid once; the confirmation letter, the administrator's approval, and
// the renewal issued with renewsId and the old expiry plus one year, offered to the old
// certificate's cloud resources. The certificate is this customer's own copy of the demo
// OV one (e2e/fixtures.ts), renamed and brought to 20 days before expiry; its zone is
// hosted with us, so the approval issues it at once.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, queryDatabase, test } from "./fixtures";
import { ADMIN_STATE, watchForPageErrors } from "./support";

const LETTER = readFileSync("testing/fixtures/confirmation-letters/letter.pdf");
const COMPANY = `Example Bank ${randomBytes(2).toString("hex")} Ltd`;

test.describe("OV renewal through the order form", () => {
  // Key generation, a top-up and the review take several pages: slow on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  test("Renew now → prefilled order → pay → letter → approval → the renewal issued, with the update-resources prompt", async ({
    customerPage: page,
    customer,
    browser,
  }) => {
    const errors = watchForPageErrors(page);
    const domain = `secure-${randomBytes(3).toString("hex")}.example-bank.com`;
    // The app's now (the demo clock may be shifted), 20 days before expiry.
    const [old] = await queryDatabase<{ id: string; expiresAt: Date }>(
      `UPDATE "Certificate" SET domain = $2,
         "expiresAt" = now() + coalesce((SELECT "offsetMs" FROM "ClockSetting" WHERE id = 'global'), 0) * interval '1 millisecond' + interval '20 days'
       WHERE "ownerId" = $1 AND brand = 'GeoTrust' AND "certificateType" = 'OV' AND status = 'ISSUED'
       RETURNING id, "expiresAt"`,
      [customer.id, domain],
    );
    if (!old) throw new Error("the customer has no issued GeoTrust OV certificate");
    await queryDatabase(`INSERT INTO "HostedZone" (id, "ownerId", name) VALUES ($1, $2, $3)`, [
      `e2e-${randomUUID()}`,
      customer.id,
      domain,
    ]);
    await queryDatabase(
      `INSERT INTO "OrganizationReview" (id, "certificateId", "ownerId", "companyName", country, locality, address,
         "companyPhone", "contactName", "contactEmail", "contactPhone", "submittedAt", "reviewedAt")
       VALUES ($1, $2, $3, $4, 'CN', 'Shenzhen', '1 Bank Road', '+86 755 1234 5678', 'Li Wei', 'li.wei@example.com',
         '+86 138 0000 0000', now(), now())`,
      [`e2e-${randomUUID()}`, old.id, customer.id, COMPANY],
    );
    await queryDatabase(
      `INSERT INTO "CloudResource" (id, "ownerId", type, name, region, "certificateId", "updatedAt")
       VALUES ($1, $2, 'CDN', $3, 'global', $4, now())`,
      [`e2e-${randomUUID()}`, customer.id, `bank-cdn-${domain.slice(7, 13)}`, old.id],
    );

    // Renew now on the certificate's page leads to the order form, for this certificate.
    await page.goto(`/certificates/${old.id}`);
    await page.getByTestId("renew-now").click();
    await expect(page).toHaveURL(new RegExp(`/certificates/buy\\?renew=${old.id}$`));
    await expect(page.getByRole("heading", { name: `Renew ${domain}` })).toBeVisible();
    const notice = page.getByTestId("renewal-order-notice");
    await expect(notice).toContainText(`This order renews ${domain}.`);
    await expect(page.getByTestId("renewal-order-valid-until")).toContainText(
      "the current certificate's expiry plus one year",
    );
    await expect(page.getByTestId("order-name")).toHaveValue(domain);
    await expect(page.getByTestId("order-name")).toBeDisabled();
    await expect(page.getByTestId("order-brand")).toBeDisabled();
    await expect(page.getByTestId("organization-companyName")).toHaveValue(COMPANY);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations
        .filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))
        .map((violation) => `${violation.id}: ${violation.help}`),
    ).toEqual([]);
    // Editable: the contact changed since last year.
    await page.getByTestId("organization-contactName").fill("Wang Fang");

    // $50 on the account: top up what is missing and come back to the renewal as it was left.
    await page.getByTestId("order-short-top-up").click();
    await expect(page).toHaveURL(/\/billing\?/);
    const topUp = page.getByRole("dialog", { name: "Top up balance" });
    await topUp.getByLabel("Amount (USD)").fill("200");
    await topUp.getByRole("button", { name: "Top up $200.00" }).click();
    await expect(page).toHaveURL(/\/certificates\/buy\?renew=/);
    await expect(page.getByTestId("renewal-order-notice")).toBeVisible();
    await expect(page.getByTestId("organization-contactName")).toHaveValue("Wang Fang");

    await page.getByTestId("order-submit").dblclick();
    await expect(page).toHaveURL(/\/certificates\/[\w-]+$/, { timeout: 30_000 });
    const newId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    expect(newId).not.toBe(old.id);
    await expect(page.getByTestId("header-balance")).toContainText("$51.00");
    await expect(page.getByTestId("status-badge").first()).toHaveText("Pending letter upload");
    const orders = await queryDatabase<{ count: number }>(
      `SELECT count(*)::int AS count FROM "CertificateOrder" WHERE "renewsCertificateId" = $1`,
      [old.id],
    );
    expect(orders[0]?.count).toBe(1);

    await page.getByTestId("organization-letter-input").setInputFiles({
      name: "letter.pdf",
      mimeType: "application/pdf",
      buffer: LETTER,
    });
    await page.getByTestId("organization-letter-upload").click();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Organisation under review");

    const adminContext = await browser.newContext({ storageState: ADMIN_STATE });
    try {
      const admin = await adminContext.newPage();
      await admin.goto("/admin/reviews");
      const row = admin.locator(`[data-testid="review-row"][data-certificate-id="${newId}"]`);
      await expect(row).toContainText(COMPANY);
      await expect(row).toContainText("Wang Fang");
      await row.getByTestId("review-approve").click();
      await expect(row).toHaveCount(0);
    } finally {
      await adminContext.close();
    }

    // Approved: validated in the hosted zone and issued, as the old certificate's renewal.
    await page.reload();
    await expect(page.getByTestId("status-badge").first()).toHaveText("Issued");
    const [renewed] = await queryDatabase<{ renewsId: string; expiresAt: Date }>(
      `SELECT "renewsId", "expiresAt" FROM "Certificate" WHERE id = $1`,
      [newId],
    );
    expect(renewed?.renewsId).toBe(old.id);
    // The old expiry plus one calendar year, to the second (an X.509 validity has no milliseconds).
    const expected = new Date(Math.floor(new Date(old.expiresAt).getTime() / 1000) * 1000);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(renewed?.expiresAt.toISOString()).toBe(expected.toISOString());

    // My Certificates offers to move the old certificate's resources to the renewal.
    await page.goto(`/certificates?q=${domain}`);
    const renewalRow = page.locator(`[data-testid="certificate-row"][data-certificate-id="${newId}"]`);
    await renewalRow.getByTestId("row-update-resources").click();
    const dialog = page.getByRole("dialog", { name: "Update to cloud resources" });
    await expect(dialog.getByTestId("resource-option").first()).toContainText("Uses the previous certificate");

    // The old certificate is renewed: no second Renew now.
    await page.goto(`/certificates/${old.id}`);
    await expect(page.getByTestId("certificate-domain")).toHaveText(domain);
    await expect(page.getByTestId("renew-now")).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});
