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

/**
 * Signs in through Auth.js's credentials endpoint, on the page's own cookie jar, without
 * loading the sign-in page: for tests about what comes after signing in (the sign-in form
 * itself is exercised by signIn, the setup and the keyboard and security specs).
 */
export async function signInOverHttp(page: Page, account: { email: string; password: string }): Promise<void> {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { email: account.email, password: account.password, csrfToken },
    maxRedirects: 0,
  });
  expect(response.status(), `signing in as ${account.email}`).toBeLessThan(400);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { userId?: string } | null;
  expect(session?.userId, `a session for ${account.email}`).toBeTruthy();
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
