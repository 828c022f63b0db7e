// The other row actions of My Certificates: revoke with a reason (the certificate shows and
// filters as revoked, its page names the reason) and delete with the confirmation of the
// cloud resources that use it (the row is gone, the list says nothing of it). Each customer
// has their own copy of the demo certificates (e2e/fixtures.ts).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

function rowOf(page: Page, domain: string) {
  return page.getByTestId("certificate-row").filter({ has: page.getByRole("link", { name: domain, exact: true }) });
}

async function expectNoSeriousAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help}`),
    label,
  ).toEqual([]);
}

test("revokes a certificate with a reason: revoked in the list, its filter and its page", async ({
  customerPage: page,
}) => {
  const domain = "*.corp-intranet.io";
  await page.goto("/certificates?q=corp-intranet.io");
  const row = rowOf(page, domain);
  await expect(row.getByTestId("status-badge")).toHaveText("Issued");
  const certificateId = await row.getAttribute("data-certificate-id");

  await row.getByTestId("row-more-actions").click();
  await page.getByTestId("row-revoke").click();
  const dialog = page.getByRole("dialog", { name: `Revoke the certificate for ${domain}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Reason").selectOption({ label: "Key compromise" });
  await expectNoSeriousAxeViolations(page, "revoke dialog");
  await dialog.getByRole("button", { name: "Revoke certificate" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`The certificate for ${domain} was revoked.`)).toBeVisible();
  await expect(row.getByTestId("status-badge")).toHaveText("Revoked");
  // A revoked certificate offers no second revocation.
  await row.getByTestId("row-more-actions").click();
  await expect(page.getByTestId("row-delete")).toBeVisible();
  await expect(page.getByTestId("row-revoke")).toHaveCount(0);
  await page.keyboard.press("Escape");

  await page.goto("/certificates?status=REVOKED");
  await expect(page.getByTestId("certificate-row")).toHaveCount(1);
  await expect(rowOf(page, domain).getByTestId("status-badge")).toHaveText("Revoked");

  await page.goto(`/certificates/${certificateId}`);
  await expect(page.getByTestId("certificate-revocation-reason")).toHaveText("Key compromise");
  await expect(page.getByTestId("certificate-revoked-at")).not.toHaveText("—");
  await expect(page.getByTestId("revoke-certificate")).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, "revoked certificate page");
});

test("deletes a certificate only once the cloud resources that use it are confirmed", async ({
  customerPage: page,
}) => {
  const domain = "*.demo-app.net";
  await page.goto("/certificates?q=demo-app.net");
  const row = rowOf(page, domain);
  await expect(row).toHaveCount(1);

  await row.getByTestId("row-more-actions").click();
  await page.getByTestId("row-delete").click();
  const dialog = page.getByRole("dialog", { name: `Delete the certificate for ${domain}?` });
  const inUse = dialog.getByTestId("delete-in-use");
  await expect(inUse).toContainText("demo-app-gateway (ap-shanghai)");
  const confirm = dialog.getByRole("button", { name: "Delete certificate" });
  await expect(confirm).toBeDisabled();
  await expectNoSeriousAxeViolations(page, "delete dialog");

  await inUse.getByLabel("Delete it anyway; these keep serving their current copy").check();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`The certificate for ${domain} was deleted.`)).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId("certificate-row").first()).toBeVisible();
  await expect(rowOf(page, domain)).toHaveCount(0);
});
