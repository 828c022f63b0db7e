// Reissue from My Certificates: the dialog (key, validation, the "same names, same expiry,
// no charge" note) opens the new certificate's page. On a domain hosted with us it is issued
// at once with the old expiry and the old certificate is revoked as superseded; on a
// third-party domain the new one waits for its record and the old one shows "Reissuing"
// (the original's status 11), still issued. Once issued, the cloud resources of the old one
// are to be updated, as after a renewal. Each customer has their own copy of the demo
// certificates (e2e/fixtures.ts); the hosted zone is this test's own.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, queryDatabase, test } from "./fixtures";

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

async function certificateRow(id: string) {
  const [row] = await queryDatabase<{
    status: string;
    expiresAt: Date | null;
    revocationReason: string | null;
    reissuesId: string | null;
  }>(
    `SELECT status::text AS status, "expiresAt", "revocationReason"::text AS "revocationReason", "reissuesId"
     FROM "Certificate" WHERE id = $1`,
    [id],
  );
  return row;
}

test("reissues a certificate on a hosted domain from the row menu: issued at once, same expiry, the old one revoked", async ({
  customerPage: page,
  customer,
}) => {
  const domain = "blog.demo-app.net";
  // This customer's own zone for the name: validated automatically (DNS_AUTO). Zone names are
  // unique and a retry runs with a new customer: a failed attempt's zone gives the name back.
  await queryDatabase(`DELETE FROM "HostedZone" WHERE name = $1`, [domain]);
  await queryDatabase(`INSERT INTO "HostedZone" (id, "ownerId", name) VALUES ($1, $2, $3)`, [
    `e2e-${randomUUID()}`,
    customer.id,
    domain,
  ]);
  const [balanceBefore] = await queryDatabase<{ balanceMinor: number }>(
    `SELECT "balanceMinor" FROM "BillingAccount" WHERE "ownerId" = $1`,
    [customer.id],
  );

  await page.goto(`/certificates?q=${domain}`);
  const row = rowOf(page, domain);
  await expect(row.getByTestId("status-badge")).toHaveText("Issued");
  const oldId = (await row.getAttribute("data-certificate-id")) ?? "";
  const before = await certificateRow(oldId);
  // A (simulated) cloud resource serves the old certificate: after the reissue it must move.
  await queryDatabase(
    `INSERT INTO "CloudResource" (id, "ownerId", type, name, region, "certificateId", "updatedAt")
     VALUES ($1, $2, 'CDN', $3, 'global', $4, now())`,
    [`e2e-${randomUUID()}`, customer.id, domain, oldId],
  );

  await row.getByTestId("row-more-actions").click();
  await page.getByTestId("row-reissue").click();
  const dialog = page.getByRole("dialog", { name: `Reissue the certificate for ${domain}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("reissue-note")).toContainText("Same names, same expiry, no charge");
  await expect(dialog.getByTestId("reissue-note")).toContainText("stays valid until the new one is issued");
  await dialog.getByTestId("order-key-algorithm").selectOption("ECDSA_P384");
  await expectNoSeriousAxeViolations(page, "reissue dialog");
  await dialog.getByRole("button", { name: "Reissue certificate" }).click();

  await expect(page).toHaveURL(new RegExp(`/certificates/(?!${oldId}$)[\\w-]+$`), { timeout: 60_000 });
  const newId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await expect(page.getByTestId("certificate-domain")).toHaveText(domain);
  await expect(page.getByTestId("status-badge").first()).toHaveText("Issued");
  await expect(page.getByTestId("reissue-of")).toBeVisible();
  // As after a renewal: the resources still on the revoked certificate are to be updated.
  const prompt = page.getByTestId("update-resources-prompt");
  await expect(prompt).toContainText("This reissued certificate is issued and the one it replaces is revoked.");
  await expectNoSeriousAxeViolations(page, "reissued certificate page");
  await prompt.getByRole("button", { name: "Update to cloud resources" }).click();
  const update = page.getByRole("dialog", { name: "Update to cloud resources" });
  await update.getByTestId("update-resources-confirm").click();
  await expect(update.getByTestId("update-resources-result").filter({ hasText: domain }).first()).toHaveAttribute(
    "data-outcome",
    "DEPLOYED",
  );
  await update.getByRole("button", { name: "Done" }).click();
  await expect(prompt).toHaveCount(0);
  const [moved] = await queryDatabase<{ count: number }>(
    `SELECT count(*)::int AS count FROM "CloudResource" WHERE "certificateId" = $1`,
    [oldId],
  );
  expect(moved?.count).toBe(0);

  const reissued = await certificateRow(newId);
  expect(reissued?.reissuesId).toBe(oldId);
  // The same notAfter, to the second X.509 keeps (the demo data's expiry has milliseconds).
  expect(reissued?.expiresAt?.getTime()).toBe(Math.floor((before?.expiresAt?.getTime() ?? 0) / 1000) * 1000);
  expect(await certificateRow(oldId)).toMatchObject({ status: "REVOKED", revocationReason: "SUPERSEDED" });
  const [balanceAfter] = await queryDatabase<{ balanceMinor: number }>(
    `SELECT "balanceMinor" FROM "BillingAccount" WHERE "ownerId" = $1`,
    [customer.id],
  );
  expect(balanceAfter?.balanceMinor).toBe(balanceBefore?.balanceMinor);

  await page.goto(`/certificates/${oldId}`);
  await expect(page.getByTestId("status-badge").first()).toHaveText("Revoked");
  await expect(page.getByTestId("certificate-revocation-reason")).toHaveText("Superseded");
});

test("a reissue on a third-party domain waits for its record; the old certificate shows Reissuing and stays issued", async ({
  customerPage: page,
}) => {
  const domain = "*.corp-intranet.io";
  await page.goto("/certificates?q=corp-intranet.io");
  const row = rowOf(page, domain);
  const oldId = (await row.getAttribute("data-certificate-id")) ?? "";
  await page.goto(`/certificates/${oldId}`);
  await page.getByTestId("reissue-certificate").click();
  const dialog = page.getByRole("dialog", { name: `Reissue the certificate for ${domain}` });
  await expect(dialog).toBeVisible();
  // A wildcard cannot be validated by file.
  await expect(dialog.getByRole("radio", { name: /File on your website/ })).toBeDisabled();
  await dialog.getByRole("button", { name: "Reissue certificate" }).click();

  await expect(page).toHaveURL(new RegExp(`/certificates/(?!${oldId}$)[\\w-]+$`), { timeout: 60_000 });
  await expect(page.getByTestId("status-badge").first()).toHaveText("Pending validation");
  await expect(page.getByText("_dnsauth.corp-intranet.io").first()).toBeVisible();

  await page.goto("/certificates?status=REISSUING");
  await expect(page.getByTestId("certificate-row")).toHaveCount(1);
  await expect(rowOf(page, domain).getByTestId("status-badge")).toHaveText("Reissuing");
  await expectNoSeriousAxeViolations(page, "reissuing filter");

  await page.goto(`/certificates/${oldId}`);
  await expect(page.getByTestId("status-badge").first()).toHaveText("Reissuing");
  await expect(page.getByTestId("reissue-in-progress")).toBeVisible();
  // Still issued: its files can be downloaded, and no second reissue is offered.
  await expect(page.getByTestId("reissue-certificate")).toHaveCount(0);
  expect(await certificateRow(oldId)).toMatchObject({ status: "ISSUED", revocationReason: null });
});
