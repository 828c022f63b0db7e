import { expect, test } from "@playwright/test";
import { CUSTOMER_STATE, watchForPageErrors } from "./support";

test.use({ storageState: CUSTOMER_STATE });

test.describe("console shell", () => {
  test("shows the sidebar, the balance and the pages, without errors", async ({ page }) => {
    const errors = watchForPageErrors(page);
    await page.goto("/certificates");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "My Certificates" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("header-balance")).toContainText("Balance");
    await expect(page.getByTestId("demo-badge")).toBeVisible();

    await nav.getByRole("link", { name: "Billing" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
    await nav.getByRole("link", { name: "Notifications" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("switches to Simplified Chinese and back, and remembers the choice", async ({ page }) => {
    await page.goto("/certificates");
    await page.getByTestId("locale-switch").click();
    await page.getByRole("menuitemradio", { name: "简体中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "我的证书" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.reload();
    await expect(
      page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "费用中心" }),
    ).toBeVisible();

    await page.getByTestId("locale-switch").click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My Certificates" })).toBeVisible();
  });

  test("switches to the dark theme and keeps it after a reload", async ({ page }) => {
    await page.goto("/certificates");
    await expect(page.locator("html")).not.toHaveClass(/dark/);
    await page.getByTestId("theme-switch").click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.getByTestId("theme-switch").click();
    await page.getByRole("menuitemradio", { name: "Light" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("on a phone the navigation opens from the menu button", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/certificates");
    await page.getByRole("button", { name: "Open menu" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("link", { name: "Billing" }).click();
    await expect(page).toHaveURL(/\/billing$/);
    await expect(drawer).toBeHidden();
  });
});
