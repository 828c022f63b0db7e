// The admin's Issuers page: the built-in CA labelled as not publicly trusted, an ACME
// issuer added with its EAB key (never shown again), "Test connection" naming what failed,
// and a product assigned to it. The real CA conversation is tested against Pebble in
// lib/issuers/issuers.int.test.ts; here the directory is a closed local port.

import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, CUSTOMER_STATE, watchForPageErrors } from "./support";

test.describe("issuers", () => {
  test.use({ storageState: ADMIN_STATE });

  test("adds an ACME issuer, reports an unreachable directory, and assigns it to a product", async ({ page }) => {
    test.slow(); // a whole scenario with two axe runs
    const errors = watchForPageErrors(page);
    const name = `E2E CA ${randomBytes(3).toString("hex")}`;
    const hmacKey = randomBytes(32).toString("base64url");
    await page.goto("/admin/issuers");
    await expect(page.getByRole("heading", { level: 1, name: "Issuers" })).toBeVisible();
    await expect(page.getByTestId("built-in-issuer")).toContainText("Not publicly trusted");

    await page.getByTestId("issuer-add-name").fill(name);
    await page.getByTestId("issuer-add-directoryUrl").fill("http://127.0.0.1:1/directory");
    await page.getByTestId("issuer-add-submit").click();
    await expect(page.getByTestId("issuer-add-form")).toContainText("Enter an https:// URL.");

    await page.getByTestId("issuer-add-directoryUrl").fill("https://127.0.0.1:1/directory");
    await page.getByTestId("issuer-add-eabKeyId").fill("kid-e2e");
    await page.getByTestId("issuer-add-eabHmacKey").fill(hmacKey);
    await page.getByTestId("issuer-add-terms").check();
    await page.getByTestId("issuer-add-submit").click();
    await expect(page.getByText(`${name} was saved.`)).toBeVisible();
    const issuer = page.locator(`[data-testid=issuer][data-issuer="${name}"]`);
    await expect(issuer.getByTestId("issuer-test-state")).toHaveText("Not tested yet");
    expect(await page.content()).not.toContain(hmacKey);

    await issuer.getByTestId("issuer-test").click();
    await expect(issuer.getByTestId("issuer-test-state")).toContainText("Failed at the directory step");
    await expect(issuer.getByTestId("issuer-test-state")).toContainText("the directory could not be reached");

    const row = page.getByTestId("product-issuer-row").first();
    await row.getByTestId("product-issuer-select").selectOption({ label: name });
    await expect(page.getByText(`is now issued by ${name}.`)).toBeVisible();
    await expect(issuer).toContainText("1 product");

    for (const theme of ["light", "dark"] as const) {
      await page.evaluate((value) => window.localStorage.setItem("certdesk-theme", value), theme);
      await page.reload();
      await expect(issuer).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        blocking.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`),
        theme,
      ).toEqual([]);
    }

    // Back to the built-in CA, so the issuer can go.
    await row.getByTestId("product-issuer-select").selectOption({ index: 0 });
    await expect(page.getByText("is now issued by Built-in CA")).toBeVisible();
    await issuer.getByTestId("issuer-delete").click();
    await issuer.getByTestId("issuer-delete-confirm").click();
    await expect(page.getByText(`${name} was deleted.`)).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe("a built-in CA certificate", () => {
  test.use({ storageState: CUSTOMER_STATE });

  test("says on its page that it is not publicly trusted", async ({ page }) => {
    await page.goto("/certificates");
    await page.locator("[data-testid=certificate-row] a[href^='/certificates/']").first().click();
    await expect(page.getByTestId("built-in-ca")).toContainText("Built-in CA");
    await expect(page.getByTestId("built-in-ca")).toContainText("Not publicly trusted");
  });
});
