import { type Browser, expect, type Page, test } from "@playwright/test";
import { createCustomer, type E2ECustomer } from "./fixtures";
import { ADMIN_STATE, DEMO_ADMIN, signIn, watchForPageErrors } from "./support";

const CRON_SECRET = "e2e-cron-secret-0123456789-abcdefghijklmnop";

type Ids = { customer: E2ECustomer; certificateId: string; jobRunId: string };

const pages = (ids: Ids) => [
  "/admin",
  "/admin/customers",
  `/admin/customers/${ids.customer.id}`,
  "/admin/certificates",
  `/admin/certificates/${ids.certificateId}`,
  "/admin/jobs",
  "/admin/prices",
  "/admin/issuers",
  "/admin/audit",
  "/admin/clock",
];

// PUT {"now": null} and DELETE reset the demo clock: harmless for the other tests.
const routes = (ids: Ids): { method: string; path: string; data?: unknown }[] => [
  { method: "GET", path: "/api/admin/certificates" },
  { method: "GET", path: `/api/admin/certificates/${ids.certificateId}` },
  { method: "GET", path: "/api/admin/jobs" },
  { method: "GET", path: `/api/admin/jobs/${ids.jobRunId}` },
  { method: "GET", path: "/api/admin/clock" },
  { method: "PUT", path: "/api/admin/clock", data: { now: null } },
  { method: "DELETE", path: "/api/admin/clock" },
];

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  return context.newPage();
}

test.describe("admin access matrix", () => {
  let ids: Ids;

  test.beforeAll(async ({ browser, request }) => {
    const customer = await createCustomer("matrix");
    const page = await adminPage(browser);
    const certificates = await page.request.get(`/api/admin/certificates?owner=${encodeURIComponent(customer.email)}`);
    const certificateId = ((await certificates.json()) as { items: { id: string }[] }).items[0]?.id ?? "";
    let runs = (await (await page.request.get("/api/admin/jobs")).json()) as { items: { id: string }[] };
    if (runs.items.length === 0) {
      // As the scheduler would: one run, so there is a run to look at.
      const run = await request.post("/api/jobs/renewals", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
      expect(run.status()).toBeLessThan(600);
      runs = (await (await page.request.get("/api/admin/jobs")).json()) as { items: { id: string }[] };
    }
    ids = { customer, certificateId, jobRunId: runs.items[0]?.id ?? "" };
    expect(ids.certificateId).not.toBe("");
    expect(ids.jobRunId).not.toBe("");
    await page.context().close();
  });

  test("signed out: every admin page sends to sign-in, every admin route answers 401", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    for (const path of pages(ids)) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/sign-in/);
    }
    for (const route of routes(ids)) {
      const response = await page.request.fetch(route.path, { method: route.method, data: route.data });
      expect(response.status(), `${route.method} ${route.path}`).toBe(401);
    }
    await context.close();
  });

  test("a customer: every admin page is a 404, every admin route answers 403", async ({ browser }) => {
    const customer = await createCustomer("matrix-cust", { empty: true });
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, customer);
    for (const path of pages(ids)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Page not found");
    }
    for (const route of routes(ids)) {
      const response = await page.request.fetch(route.path, { method: route.method, data: route.data });
      expect(response.status(), `${route.method} ${route.path}`).toBe(403);
    }
    await context.close();
  });

  test("an administrator: every admin page and route answers 200", async ({ browser }) => {
    const page = await adminPage(browser);
    const errors = watchForPageErrors(page);
    for (const path of pages(ids)) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
    }
    for (const route of routes(ids)) {
      const response = await page.request.fetch(route.path, { method: route.method, data: route.data });
      expect(response.status(), `${route.method} ${route.path}`).toBe(200);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

test.describe("admin dashboard", () => {
  test.use({ storageState: ADMIN_STATE });

  test("credits a fresh customer's balance with a reason, refuses a debit beyond it, and audits the credit", async ({
    page,
    browser,
  }) => {
    // Two browsers and several pages in one story: more than the default 30 s on a busy 2-core runner.
    test.slow();
    const customer = await createCustomer("credit");
    await page.goto(`/admin/customers?q=${encodeURIComponent(customer.email)}`);
    await page.getByRole("link", { name: customer.email }).click();
    await expect(page.getByTestId("customer-email")).toHaveText(customer.email);
    await expect(page.getByTestId("customer-balance")).toHaveText("$50.00");

    await page.getByTestId("adjust-balance-open").click();
    const dialog = page.getByRole("dialog", { name: "Credit or debit the balance" });
    await dialog.getByRole("button", { name: "Credit", exact: true }).click();
    await expect(dialog.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Amount (USD)")).toHaveAccessibleDescription(/Enter an amount greater than zero/);
    await dialog.getByLabel("Amount (USD)").fill("25.50");
    await expect(dialog.getByTestId("adjust-balance-preview")).toHaveText("Balance afterwards: $75.50");
    await dialog.getByLabel("Reason").fill("E2E goodwill for ticket 42");
    await dialog.getByRole("button", { name: "Credit $25.50" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Credited $25.50 to ${customer.email}`)).toBeVisible();
    await expect(page.getByTestId("customer-balance")).toHaveText("$75.50");
    const newest = page.getByTestId("ledger-row").first();
    await expect(newest).toContainText("Credit by support");
    await expect(newest).toContainText("E2E goodwill for ticket 42");
    await expect(newest).toContainText("+$25.50");
    await expect(newest).toContainText("$75.50");

    // A debit beyond the balance is refused in words, and nothing moves.
    await page.getByTestId("adjust-balance-open").click();
    await dialog.getByRole("radio", { name: "Debit" }).check();
    await dialog.getByLabel("Amount (USD)").fill("100");
    await expect(dialog.getByTestId("adjust-balance-preview")).toContainText(
      "a debit can never make a balance negative",
    );
    await dialog.getByLabel("Reason").fill("E2E too much");
    await dialog.getByRole("button", { name: "Debit $100.00" }).click();
    await expect(dialog.getByTestId("adjust-balance-error")).toHaveText(
      "Nothing was debited: the amount is more than the customer's balance, and a balance never goes below zero. The balance is $75.50.",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("customer-balance")).toHaveText("$75.50");

    // The audit log has the credit with the balance before and after, and who did it.
    await page.getByRole("link", { name: "Audit trail" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/audit\\?target=${customer.id}`));
    const rows = page.getByTestId("audit-row");
    const credit = rows.filter({ hasText: "Balance credited" });
    await expect(credit).toHaveCount(1);
    await expect(rows.filter({ hasText: "Balance debited" })).toHaveCount(0);
    await expect(credit).toContainText(DEMO_ADMIN.email);
    await expect(credit.getByTestId("audit-before")).toContainText('"balanceMinor": 5000');
    await expect(credit.getByTestId("audit-after")).toContainText('"balanceMinor": 7550');
    await expect(credit.getByTestId("audit-after")).toContainText("E2E goodwill for ticket 42");

    // The customer sees the credit in their own ledger.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const customerPage = await context.newPage();
    await signIn(customerPage, customer);
    await customerPage.goto("/billing");
    await expect(customerPage.getByTestId("billing-balance")).toHaveText("$75.50");
    await expect(customerPage.getByTestId("ledger-table").locator("tbody tr").first()).toContainText(
      "Credit by support",
    );
    await context.close();
  });

  test("disables an account, which is signed out at once and cannot sign in, then enables it", async ({
    page,
    browser,
  }) => {
    // Two browsers and several pages in one story: more than the default 30 s on a busy 2-core runner.
    test.slow();
    const customer = await createCustomer("disable", { empty: true });
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const customerPage = await context.newPage();
    await signIn(customerPage, customer);

    await page.goto(`/admin/customers/${customer.id}`);
    await page.getByTestId("account-status-open").click();
    await page.getByTestId("account-status-confirm").click();
    await expect(page.getByText(`${customer.email} is disabled and signed out`)).toBeVisible();
    await expect(page.getByTestId("account-status")).toHaveText("Disabled");

    await customerPage.goto("/certificates");
    await expect(customerPage).toHaveURL(/\/sign-in/);
    await customerPage.getByLabel("Email").fill(customer.email);
    await customerPage.getByLabel("Password").fill(customer.password);
    await customerPage.getByRole("button", { name: "Sign in" }).click();
    await expect(customerPage.getByText("This account has been disabled.")).toBeVisible();

    await page.getByTestId("account-status-open").click();
    await page.getByTestId("account-status-confirm").click();
    await expect(page.getByTestId("account-status")).toHaveText("Active");
    await signIn(customerPage, customer);
    await context.close();
  });

  test("Run now starts the renewal job and shows its progress live until it has finished", async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchForPageErrors(page);
    await page.goto("/admin/jobs");
    await page.getByTestId("run-now").click();
    const live = page.getByTestId("live-run");
    await expect(live).toBeVisible();
    // Started here, or (if the scheduler or another test was quicker) the run already going.
    const notice = page.getByTestId("run-now-notice");
    if (await notice.isVisible()) await expect(notice).toContainText("A run is already in progress, started at");
    await expect(live.getByTestId("job-run-status")).toHaveText("Finished", { timeout: 90_000 });
    await expect(live.getByTestId("live-run-duration")).toContainText("Took");
    for (const step of ["deduct", "validate", "issue", "timeout", "notify"]) {
      await expect(live.getByTestId(`live-step-${step}`)).toHaveAttribute("data-state", "done");
    }
    await expect(live.getByTestId("live-count-deducted")).toHaveText(/^\d+$/);
    await expect(live.getByTestId("live-count-notificationsCreated")).toHaveText(/^\d+$/);
    await expect(page.getByText(/The run finished in/)).toBeVisible();

    // The history shows the run with its counts per step.
    const runId = await live.getAttribute("data-run-id");
    const row = page.locator(`[data-testid=job-run-row][data-run-id="${runId}"]`);
    await expect(row.getByTestId("job-run-status")).toHaveText("Finished");
    await expect(row.getByTestId("job-run-deduct")).toContainText("Deducted");
    expect(errors).toEqual([]);
  });
});
