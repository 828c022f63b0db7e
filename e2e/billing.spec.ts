import { createCustomer, expect, test } from "./fixtures";
import { CUSTOMER_STATE, signIn, watchForPageErrors } from "./support";

const usd = (amountMinor: number) =>
  new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(amountMinor / 100);

test.describe("billing", () => {
  // Tests that move money get a customer of their own: the demo certificates and $50.00.
  test("tops up $150 with the demo provider and shows the new balance everywhere without a reload", async ({
    customerPage: page,
  }) => {
    const errors = watchForPageErrors(page);
    await page.goto("/billing");
    await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
    await expect(page.getByTestId("billing-balance")).toHaveText("$50.00");
    await expect(page.getByTestId("balance-forecast-chart").locator("svg.recharts-surface")).toBeVisible();
    await expect(page.getByTestId("forecast-summary")).toContainText("in the next 90 days");
    await expect(page.getByTestId("upcoming-deductions").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("balance-warning")).toBeVisible();
    // A property on window survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { billingE2eMarker: true }));

    await page.getByTestId("top-up-open").click();
    const dialog = page.getByRole("dialog", { name: "Top up balance" });
    await expect(dialog.getByRole("radio", { name: /Demo payment/ })).toBeChecked();
    await expect(dialog.getByText("Demo payment — no real money is charged.")).toBeVisible();
    await dialog.getByLabel("Amount (USD)").fill("150");
    await dialog.getByRole("button", { name: "Top up $150.00" }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByText("$150.00 added to your balance")).toBeVisible();
    await expect(page.getByTestId("header-balance")).toContainText(usd(20_000));
    await expect(page.getByTestId("billing-balance")).toHaveText(usd(20_000));
    // The fees due within 30 days ($198.00) are covered now: the banner goes away.
    await expect(page.getByTestId("balance-warning")).toBeHidden();
    const newest = page.getByTestId("ledger-table").locator("tbody tr").first();
    await expect(newest).toContainText("Top-up");
    await expect(newest).toContainText("Demo payment");
    await expect(newest).toContainText(`+${usd(15_000)}`);
    await expect(newest).toContainText(usd(20_000));
    expect(await page.evaluate(() => "billingE2eMarker" in window)).toBe(true);
    expect(errors).toEqual([]);
  });

  test("a declined demo payment says so, keeps the dialog open and credits nothing", async ({ customerPage: page }) => {
    await page.goto("/billing");
    await page.getByTestId("top-up-open").click();
    const dialog = page.getByRole("dialog", { name: "Top up balance" });
    const amount = dialog.getByLabel("Amount (USD)");

    await amount.fill("0.50");
    await dialog.getByRole("button", { name: "Top up", exact: true }).click();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/The smallest top-up is \$1\.00\./);

    await amount.fill("13.13");
    await dialog.getByRole("button", { name: "Top up $13.13" }).click();
    await expect(dialog.getByTestId("top-up-error")).toContainText("declined and nothing was charged");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("billing-balance")).toHaveText("$50.00");
    await expect(page.getByTestId("ledger-table")).not.toContainText("$13.13");
  });

  test("lists the upcoming fees a page at a time, in the order the job takes them", async ({ page }) => {
    // The demo certificates' fees plus twelve more: more than the first page holds.
    await signIn(page, await createCustomer("upcoming-pages", { renewing: 12 }));
    const errors = watchForPageErrors(page);
    await page.goto("/billing");
    const summary = page.getByTestId("forecast-summary");
    await expect(summary).toContainText("renewal fees are scheduled");
    const total = Number((await summary.textContent())?.match(/(\d+) renewal fees are scheduled/)?.[1]);
    expect(total).toBeGreaterThan(12);

    const upcoming = page.getByTestId("upcoming-deductions");
    const rows = upcoming.locator("tbody tr");
    const pager = page.getByRole("navigation", { name: "Upcoming deduction pages" });
    await expect(rows).toHaveCount(10);
    await expect(pager.getByTestId("pagination-summary")).toHaveText(`1–10 of ${total}`);
    const firstPage = await rows.locator("td:nth-child(2)").allTextContents();

    await pager.getByRole("button", { name: "Next page" }).click();
    await expect(pager.getByTestId("pagination-summary")).toHaveText(`11–${Math.min(20, total)} of ${total}`);
    await expect(rows).toHaveCount(Math.min(10, total - 10));
    const secondPage = await rows.locator("td:nth-child(2)").allTextContents();
    expect(secondPage.filter((domain) => firstPage.includes(domain))).toEqual([]);

    await pager.getByLabel("Rows per page").selectOption("25");
    await expect(pager.getByTestId("pagination-summary")).toHaveText(`1–${Math.min(25, total)} of ${total}`);
    const together = await rows.locator("td:nth-child(2)").allTextContents();
    expect(together.slice(0, 20)).toEqual([...firstPage, ...secondPage]);
    // Deduction times, as ISO instants, never go backwards down the list.
    const times = await rows.locator("time").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime")));
    expect(times).toEqual([...times].sort());

    // Four fees fall on each of three days: the forecast's table names three and counts the rest.
    await page.getByText("Show the forecast as a table").click();
    const feeDays = page.getByTestId("balance-forecast").locator("tbody tr");
    await expect(feeDays.filter({ hasText: /renewing-\d+\.upcoming-pages\.example and 1 more/ })).toHaveCount(3);
    expect(errors).toEqual([]);
  });

  test.describe("as the demo customer", () => {
    test.use({ storageState: CUSTOMER_STATE });

    test("filters the ledger by type and dates, with the filters in the URL", async ({ page }) => {
      await page.goto("/billing");
      const ledger = page.getByTestId("ledger-table");
      await expect(ledger.locator("tbody tr").first()).toBeVisible();

      await page.getByLabel("Type").selectOption("RENEWAL_DEDUCTION");
      await expect(page).toHaveURL(/[?&]kind=RENEWAL_DEDUCTION/);
      await expect(ledger.locator("tbody tr[data-kind]")).not.toHaveCount(0);
      await expect(ledger.locator("tbody tr:not([data-kind=RENEWAL_DEDUCTION])")).toHaveCount(0);

      await page.getByLabel("From").fill("2099-01-01");
      await expect(page).toHaveURL(/from=2099-01-01/);
      await expect(page.getByTestId("ledger-empty")).toContainText("No entries match these filters.");

      await page.reload();
      await expect(page.getByLabel("Type")).toHaveValue("RENEWAL_DEDUCTION");
      await expect(page.getByTestId("ledger-empty")).toBeVisible();
      await page.getByTestId("ledger-empty").getByRole("button", { name: "Clear filters" }).click();
      await expect(page).toHaveURL(/\/billing$/);
      await expect(ledger.locator("tbody tr").first()).toBeVisible();
    });

    test("is in Simplified Chinese when that is the chosen language", async ({ page, context }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", domain: "localhost", path: "/" }]);
      await page.goto("/billing");
      await expect(page.getByRole("heading", { level: 1, name: "费用中心" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "账户余额" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "余额预测" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "即将扣款" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "收支明细" })).toBeVisible();
      await expect(page.getByTestId("ledger-table")).toContainText("续费扣款");

      await page.getByTestId("top-up-open").click();
      const dialog = page.getByRole("dialog", { name: "账户充值" });
      await expect(dialog.getByText("演示支付 — 不会收取真实费用。")).toBeVisible();
      await expect(dialog.getByLabel("金额（USD）")).toBeVisible();
    });
  });
});
