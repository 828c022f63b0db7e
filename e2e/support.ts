import { expect, type Page } from "@playwright/test";

export const CUSTOMER_STATE = "e2e/.auth/customer.json";
export const ADMIN_STATE = "e2e/.auth/admin.json";

export const DEMO_CUSTOMER = { email: "demo@example.com", password: "demo-password" };
export const DEMO_ADMIN = { email: "admin@example.com", password: "admin-password" };

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Collects console errors and failed requests, to assert a page rendered cleanly. */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}
