import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_CUSTOMER, signIn } from "./support";

test.describe("signing in and out", () => {
  test("a signed-out visitor is sent to sign in", async ({ page }) => {
    await page.goto("/certificates");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in to CertDesk" })).toBeVisible();
  });

  test("a wrong password gets a clear message and keeps the address typed", async ({ page }) => {
    // Every browser here signs in from the loopback address, whose window allows 20 failures
    // a minute (lib/auth/sign-in-limits.ts): this file spends 11 of them. The address is the
    // socket's, whatever X-Forwarded-For says (e2e/security.spec.ts).
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO_CUSTOMER.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText(
      "The email or password is incorrect. Check both and try again.",
    );
    await expect(page.getByLabel("Email")).toHaveValue(DEMO_CUSTOMER.email);
  });

  test("after 10 failures in a minute the account is refused with a wait time", async ({ page }) => {
    // Eleven password checks (Argon2, by design slow) take most of the default 30 s on a busy machine.
    test.setTimeout(60_000);
    const email = `limited-${randomBytes(4).toString("hex")}@example.test`;
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Limited");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("right-password-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/certificates$/);
    await page.context().clearCookies();

    for (let i = 0; i < 11; i++) {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(i < 10 ? "wrong-password" : "right-password-1");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("form-error")).toBeVisible();
    }
    await expect(page.getByTestId("form-error")).toContainText("Too many failed sign-in attempts. Wait 1 minute");
  });

  test("a new customer signs up and lands on My Certificates with an empty balance", async ({ page }) => {
    const email = `new-${randomBytes(4).toString("hex")}@example.test`;
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Create one" }).click();
    await page.getByLabel("Name").fill("New Customer");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);

    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/certificates$/);
    await expect(page.getByTestId("header-balance")).toContainText("$0.00");
  });

  test("signing up twice with one address says so", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Copycat");
    await page.getByLabel("Email").fill(DEMO_CUSTOMER.email);
    await page.getByLabel("Password").fill("another-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("form-error")).toHaveText(
      "An account with this email already exists. Sign in instead, or use another address.",
    );
  });

  test("the customer cannot reach the admin pages; the administrator can", async ({ browser }) => {
    const customer = await browser.newPage();
    await signIn(customer, DEMO_CUSTOMER);
    const response = await customer.goto("/admin");
    expect(response?.status()).toBe(404);
    await expect(customer.getByRole("heading", { name: "Page not found" })).toBeVisible();

    const admin = await browser.newPage();
    await signIn(admin, DEMO_ADMIN);
    await expect(admin).toHaveURL(/\/admin$/);
    await expect(admin.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, DEMO_CUSTOMER);
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/billing");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
