// The console with the keyboard alone: reach controls with Tab, open dialogs with Enter
// or Space, focus stays inside an open dialog, Escape closes it and focus goes back.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { CUSTOMER_STATE, DEMO_CUSTOMER } from "./support";

/** Presses Tab until `target` has focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Tabs forwards and backwards through the dialog: focus never leaves it. */
async function expectFocusTrapped(page: Page, dialog: Locator, presses = 12): Promise<void> {
  const insideDialog = () =>
    dialog.evaluate((element) => element.contains(document.activeElement) && document.activeElement !== document.body);
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let count = 0; count < presses; count++) {
      await page.keyboard.press(key);
      expect(await insideDialog(), `focus inside the dialog after ${count + 1} × ${key}`).toBe(true);
    }
  }
}

test.describe("keyboard only", () => {
  test("signs in with the keyboard, and the skip link jumps to the content", async ({ page }) => {
    await page.goto("/sign-in");
    const email = page.getByLabel("Email");
    await tabTo(page, email);
    await page.keyboard.type(DEMO_CUSTOMER.email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password")).toBeFocused();
    await page.keyboard.type(DEMO_CUSTOMER.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/certificates/);

    // A fresh page load: the first Tab reaches the skip link.
    await page.goto("/billing");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });

  test.describe("signed in", () => {
    test.use({ storageState: CUSTOMER_STATE });

    test("Activate Auto-Renewal opens with the keyboard, traps focus, closes with Escape and returns focus", async ({
      page,
    }) => {
      await page.goto("/certificates");
      const search = page.getByTestId("certificate-search");
      await search.fill("*.demo-app.net");
      const rows = page.getByTestId("certificate-row");
      await expect(rows).toHaveCount(1);
      const trigger = rows.getByRole("button", { name: /^Activate Auto-Renewal/ });
      await search.focus();
      await tabTo(page, trigger);
      await page.keyboard.press("Enter");

      const dialog = page.getByRole("dialog", { name: "Activate Auto-Renewal" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId("auto-renew-eligibility")).toBeVisible();
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      await expectFocusTrapped(page, dialog);

      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(trigger).toBeFocused();

      // Space opens it too.
      await page.keyboard.press("Space");
      await expect(dialog).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(trigger).toBeFocused();
    });

    test("the top-up dialog traps focus and gives it back to its button", async ({ page }) => {
      await page.goto("/billing");
      const trigger = page.getByTestId("top-up-open");
      await expect(trigger).toBeEnabled();
      await tabTo(page, trigger);
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Top up balance" });
      await expect(dialog).toBeVisible();
      await expectFocusTrapped(page, dialog);
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(trigger).toBeFocused();
    });

    test("the certificate page's auto-renewal dialog works from the keyboard too", async ({ page }) => {
      await page.goto("/certificates?q=Shop+wildcard");
      await page.getByRole("link", { name: "*.example-shop.com" }).last().click();
      await expect(page.getByTestId("certificate-domain")).toHaveText("*.example-shop.com");
      const trigger = page.getByRole("button", { name: "Auto-renewal settings" });
      await tabTo(page, trigger);
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByTestId("auto-renew-eligibility")).toBeVisible();
      await expectFocusTrapped(page, dialog, 8);
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(trigger).toBeFocused();
    });
  });
});
