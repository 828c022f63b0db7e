// DNS hosting with the demo DNS (no DNS server configured): a customer adds a domain, sees
// the name servers to set at the registrar and the delegation state, and sets a domain
// hosted elsewhere up for automatic validation with the CNAME the page shows.

import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { createCustomer, expect, test } from "./fixtures";
import { signIn, watchForPageErrors } from "./support";

test.describe("DNS hosting", () => {
  test("adds a domain, shows its name servers and delegation state, and sets up a validation delegation", async ({
    customerPage: page,
  }) => {
    test.slow(); // a whole scenario with two axe runs
    const errors = watchForPageErrors(page);
    const suffix = randomBytes(3).toString("hex");
    const zone = `e2e-${suffix}.example.test`;
    const elsewhere = `shop.elsewhere-${suffix}.test`;

    await page.goto("/dns-hosting");
    await expect(page.getByRole("heading", { level: 1, name: "DNS hosting" })).toBeVisible();
    await expect(page.getByTestId("nameserver")).toHaveText(["ns1.certdesk.localhost", "ns2.certdesk.localhost"]);

    // The form refuses what cannot be a zone, with the reason next to the field.
    await page.getByTestId("add-zones-name").fill(`*.${zone}`);
    await page.getByTestId("add-zones-submit").click();
    await expect(page.getByTestId("add-zones-form")).toContainText("without “*.”");

    await page.getByTestId("add-zones-name").fill(zone.toUpperCase());
    await page.getByTestId("add-zones-submit").click();
    await expect(page.getByText(`${zone} was added.`)).toBeVisible();
    const row = page.locator(`[data-testid=hosted-zone][data-zone="${zone}"]`);
    await expect(row).toBeVisible();
    // Nothing on this machine delegates the name to the demo's name servers.
    await expect(row.getByTestId("zone-status")).not.toHaveText("Name servers set");
    await expect(row).toContainText(/Last checked|Not checked yet/);

    await page.getByTestId("add-zones-name").fill(zone);
    await page.getByTestId("add-zones-submit").click();
    await expect(page.getByTestId("add-zones-form")).toContainText(`${zone} is already in your DNS hosting.`);

    // A domain inside the customer's own zone is validated automatically already.
    await page.getByTestId("add-delegations-name").fill(`www.${zone}`);
    await page.getByTestId("add-delegations-submit").click();
    await expect(page.getByTestId("add-delegations-form")).toContainText("its validation is automatic already");

    await page.getByTestId("add-delegations-name").fill(elsewhere);
    await page.getByTestId("add-delegations-submit").click();
    await expect(page.getByText(`Add the CNAME record shown for ${elsewhere}`)).toBeVisible();
    const delegation = page.locator(`[data-testid=validation-delegation][data-domain="${elsewhere}"]`);
    await expect(delegation.getByTestId("delegation-record-name")).toHaveText(`_acme-challenge.${elsewhere}`);
    await expect(delegation.getByTestId("delegation-target")).toHaveText(
      /^[0-9a-f]{24}\.validation\.certdesk\.localhost$/,
    );
    await expect(delegation.getByTestId("delegation-status")).toHaveText("CNAME not found yet");

    await delegation.getByTestId("check-delegation").click();
    await expect(page.getByText(`${elsewhere}: CNAME not found yet.`)).toBeVisible();

    // The populated page, in both themes, has no serious or critical axe violation.
    for (const theme of ["light", "dark"] as const) {
      await page.evaluate((value) => window.localStorage.setItem("certdesk-theme", value), theme);
      await page.reload();
      await expect(delegation.getByTestId("delegation-status")).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        blocking.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`),
        theme,
      ).toEqual([]);
    }

    await row.getByTestId("remove-zone").click();
    await row.getByTestId("remove-zone-confirm").click();
    await expect(page.getByText(`${zone} was removed from DNS hosting.`)).toBeVisible();
    await expect(row).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("an account without domains is told what to do", async ({ page }) => {
    await signIn(page, await createCustomer("dns-empty", { empty: true }));
    await page.goto("/dns-hosting");
    await expect(page.getByTestId("hosted-zones")).toContainText(
      "No domain is hosted yet. Add one above, then set its name servers at the registrar.",
    );
    await expect(page.getByTestId("validation-delegations")).toContainText("No domain is set up this way yet.");
  });
});
