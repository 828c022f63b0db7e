// From an empty account to a paid order, through the console alone: no seeded certificate,
// no data written behind the app's back.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUp } from "./fixtures";
import { watchForPageErrors } from "./support";

test.describe("buying a certificate", () => {
  // Sign-up hashes a password (Argon2) and the order generates an RSA key: slow on a busy machine.
  test.describe.configure({ timeout: 90_000 });

  test("a new customer tops up what the order lacks, comes back to the order, pays once and sees the record to add", async ({
    page,
  }) => {
    const errors = watchForPageErrors(page);
    // An apex name: the www rule gives it www.<name> too.
    const domain = `shop-${randomBytes(3).toString("hex")}.net`;
    await signUp(page, "buyer");

    await page.getByRole("link", { name: "Buy certificate" }).first().click();
    await expect(page).toHaveURL(/\/certificates\/buy$/);
    await expect(page.getByRole("heading", { level: 1, name: "Buy a certificate" })).toBeVisible();
    await page.getByTestId("order-brand").selectOption("DNSPod");
    await page.getByTestId("order-domain-type").getByText("Single domain").click();
    await expect(page.getByTestId("order-unit-price")).toHaveText("$29.00");

    // A name as a CA would refuse it, then the real one with the www rule shown.
    const name = page.getByTestId("order-name");
    await name.fill("https://example.net/shop");
    await name.blur();
    await expect(page.getByText("has a character a domain name cannot have")).toBeVisible();
    await name.fill(domain);
    await expect(page.getByTestId("order-name-bonus")).toHaveText(`Also covers www.${domain} at no extra cost.`);
    await expect(page.getByTestId("order-validation-preview")).toContainText(`_dnsauth.${domain}`);

    // $0.00 on a new account: the summary says what is missing and offers exactly that.
    await expect(page.getByTestId("order-short")).toContainText("Your balance is $29.00 short of the price.");
    await page.getByTestId("order-short-top-up").click();
    await expect(page).toHaveURL(/\/billing\?/);
    const topUp = page.getByRole("dialog", { name: "Top up balance" });
    await expect(topUp.getByLabel("Amount (USD)")).toHaveValue("29.00");
    await topUp.getByLabel("Amount (USD)").fill("50");
    await topUp.getByRole("button", { name: "Top up $50.00" }).click();

    // Back on the order, as it was left.
    await expect(page).toHaveURL(/\/certificates\/buy/);
    await expect(page.getByTestId("order-restored")).toBeVisible();
    await expect(page.getByTestId("order-name")).toHaveValue(domain);
    await expect(page.getByTestId("order-short")).toBeHidden();

    const pay = page.getByTestId("order-submit");
    await expect(pay).toHaveText("Pay $29.00");
    // Pressed twice: one idempotency key for the page's life, one charge.
    await pay.dblclick();
    await expect(page).toHaveURL(/\/certificates\/[\w-]+$/, { timeout: 30_000 });
    await expect(page.getByTestId("header-balance")).toContainText("$21.00");

    const record = page.getByTestId("validation-record");
    await expect(record).toHaveCount(1);
    await expect(record.getByTestId("record-name")).toHaveText(`_dnsauth.${domain}`);
    await expect(record.getByTestId("record-type")).toHaveText("TXT");
    await expect(record.getByTestId("record-value")).toHaveText(/\S{16,}/);
    await expect(page.getByTestId("validation-deadline")).toBeVisible();
    await expect(page.getByTestId("verify-now")).toBeVisible();

    // Cancelled before issuance: the fee comes back through the ledger.
    await page.getByTestId("cancel-order").click();
    await page.getByTestId("cancel-order-confirm").click();
    await expect(page.getByTestId("header-balance")).toContainText("$50.00");
    await page.goto("/billing");
    const rows = page.getByTestId("ledger-table").locator("tbody tr");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText("+$29.00");
    await expect(rows.nth(1)).toContainText(/[−-]\$29\.00/);
    expect(errors).toEqual([]);
  });

  test("a free application costs nothing and counts against the account's free certificates", async ({ page }) => {
    const domain = `free-${randomBytes(3).toString("hex")}.example.org`;
    await signUp(page, "free");

    await page.getByRole("link", { name: "Apply for free certificate" }).first().click();
    await expect(page).toHaveURL(/\/certificates\/buy\?free=1$/);
    await expect(page.getByRole("heading", { level: 1, name: "Apply for a free certificate" })).toBeVisible();
    await expect(page.getByText("You hold 0 of")).toBeVisible();
    await page.getByTestId("order-name").fill(domain);
    await page.getByTestId("order-submit").click();

    await expect(page).toHaveURL(/\/certificates\/[\w-]+$/, { timeout: 30_000 });
    await expect(page.getByTestId("validation-record").getByTestId("record-name")).toHaveText(`_dnsauth.${domain}`);
    await expect(page.getByTestId("header-balance")).toContainText("$0.00");

    await page.goto("/certificates/buy?free=1");
    await expect(page.getByText("You hold 1 of")).toBeVisible();
  });
});
