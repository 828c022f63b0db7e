// After a renewal is issued: the customer moves the cloud resources from the old
// certificate to the new one, sets the certificate's options, and downloads it for Nginx and
// IIS. The downloaded files are opened here: the PEM bundle and the PFX are parsed, the key
// matches the certificate and the chain runs leaf → intermediate.
import { execFile } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import type { Download, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import forge from "node-forge";
import { databaseUrlFile } from "../playwright.config";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

const run = promisify(execFile);

/** Renews one of the customer's certificates and issues the renewal (testing/scripts/e2e-issue-renewal.ts). */
async function issueRenewal(customerId: string, domain: string): Promise<{ oldId: string; newId: string }> {
  const databaseUrl = readFileSync(databaseUrlFile, "utf8").trim();
  const { stdout } = await run(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "testing/scripts/e2e-issue-renewal.ts", customerId, domain],
    { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { oldId: string; newId: string };
}

async function zipOf(download: Download): Promise<Record<string, Uint8Array>> {
  const path = await download.path();
  return unzipSync(new Uint8Array(readFileSync(path)));
}

function certificatesIn(pem: string): X509Certificate[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
    (match) => new X509Certificate(match[0]),
  );
}

/** Each certificate is issued (and signed) by the next one. */
function expectLeafToIntermediate(chain: X509Certificate[], domain: string) {
  expect(chain.length).toBeGreaterThanOrEqual(2);
  const [leaf, intermediate] = chain;
  expect(leaf?.ca).toBe(false);
  expect(leaf?.checkHost(domain)).toBe(domain);
  expect(intermediate?.ca).toBe(true);
  for (let i = 0; i + 1 < chain.length; i++) {
    const [subject, issuer] = [chain[i], chain[i + 1]];
    if (!subject || !issuer) throw new Error("missing certificate");
    expect(subject.checkIssued(issuer)).toBe(true);
    expect(subject.verify(issuer.publicKey)).toBe(true);
  }
}

async function downloadFor(page: Page, type: "nginx" | "iis"): Promise<Download> {
  await page.getByTestId("download-menu").click();
  const downloading = page.waitForEvent("download");
  await page.getByTestId(`download-${type}`).click();
  return downloading;
}

test.describe("after issuance", () => {
  // Each test renews and issues a certificate in a process of its own (a new key, the CA) first.
  test.describe.configure({ timeout: 60_000 });
  test("updates the cloud resources of the old certificate to the issued renewal", async ({ page, customer }) => {
    const { oldId, newId } = await issueRenewal(customer.id, "pay.example-shop.com");
    await signIn(page, customer);
    await page.goto("/certificates?q=pay.example-shop.com");

    const row = page.locator(`[data-testid="certificate-row"][data-certificate-id="${newId}"]`);
    await row.getByTestId("row-update-resources").click();
    const dialog = page.getByRole("dialog", { name: "Update to cloud resources" });
    const option = dialog.getByTestId("resource-option").filter({ hasText: "pay-lb" });
    await expect(option.getByRole("checkbox")).toBeChecked();
    await expect(option).toContainText("Uses the previous certificate");
    await expect(dialog.getByText("1 resource selected")).toBeVisible();
    await dialog.getByRole("button", { name: "Update 1 resource" }).click();

    const result = dialog.getByTestId("update-resources-result").filter({ hasText: "pay-lb" });
    await expect(result).toHaveAttribute("data-outcome", "DEPLOYED");
    await expect(result).toContainText("Now uses the new certificate.");
    await expect(dialog.getByTestId("update-resources-summary")).toHaveText("1 resource updated.");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(row.getByTestId("row-update-resources")).toHaveCount(0);

    // The new certificate's page: no prompt any more, and the deployment in its history.
    await page.goto(`/certificates/${newId}`);
    await expect(page.getByTestId("update-resources-prompt")).toHaveCount(0);
    const entry = page.getByTestId("deployment-entry").filter({ hasText: "pay-lb" });
    await expect(entry).toHaveAttribute("data-result", "SUCCEEDED");
    await expect(entry).toContainText("Deployed here");
    await expect(entry).toContainText(oldId);
    await expect(entry).toContainText("E2E");

    // The options, saved and still there after a reload.
    const autoUpdate = page.getByRole("switch", { name: "Update cloud resources automatically after renewal" });
    await expect(autoUpdate).not.toBeChecked();
    await autoUpdate.click();
    await expect(page.getByText("Cloud resources will be updated automatically after renewal.")).toBeVisible();
    const ignore = page.getByRole("switch", { name: "Ignore notifications" });
    await ignore.focus();
    await page.keyboard.press("Space");
    await expect(page.getByText("Expiry reminders for this certificate are now ignored.")).toBeVisible();
    await page.reload();
    await expect(autoUpdate).toBeChecked();
    await expect(ignore).toBeChecked();

    // The old certificate's history says where its resource went.
    await page.goto(`/certificates/${oldId}`);
    await expect(page.getByTestId("deployment-entry").filter({ hasText: "pay-lb" })).toContainText("Moved away");
  });

  test("the renewal page's prompt keeps the results on screen until its dialog is closed", async ({
    page,
    customer,
  }) => {
    const { newId } = await issueRenewal(customer.id, "pay.example-shop.com");
    await page.clock.install();
    await signIn(page, customer);
    await page.goto(`/certificates/${newId}`);
    const prompt = page.getByTestId("update-resources-prompt");
    await prompt.getByRole("button", { name: "Update to cloud resources" }).click();
    const dialog = page.getByRole("dialog", { name: "Update to cloud resources" });
    await dialog.getByRole("button", { name: "Update 1 resource" }).click();

    // The toast says it is done; the page behind, whose prompt holds the dialog, has not
    // been refreshed under the results (that would unmount them): it is once they are closed.
    await expect(page.getByText("1 cloud resource now uses the certificate for pay.example-shop.com.")).toBeVisible();
    await expect(dialog.getByTestId("update-resources-result")).toHaveCount(1);
    await expect(dialog.getByTestId("update-resources-result")).toHaveAttribute("data-outcome", "DEPLOYED");
    await expect(prompt).toBeVisible();

    // The customer looks at another tab for a while and comes back: the page's data, now
    // stale, is fetched again and no longer asks for the update; the results stay all the same.
    await page.clock.fastForward("00:31");
    const refetched = page.waitForResponse((response) =>
      response.url().endsWith(`/api/certificates/${newId}/deployment`),
    );
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
    expect(((await (await refetched).json()) as { updatePrompt: boolean }).updatePrompt).toBe(false);
    await expect(dialog.getByTestId("update-resources-result")).toHaveAttribute("data-outcome", "DEPLOYED");
    await expect(prompt).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();
    await expect(prompt).toHaveCount(0);
    await expect(page.getByTestId("deployment-entry").filter({ hasText: "pay-lb" })).toHaveAttribute(
      "data-result",
      "SUCCEEDED",
    );
  });

  test("downloads the renewal for Nginx and IIS: files parse, the key matches, the chain is in order", async ({
    page,
    customer,
  }) => {
    const domain = "pay.example-shop.com";
    const { newId } = await issueRenewal(customer.id, domain);
    await signIn(page, customer);
    await page.goto(`/certificates/${newId}`);

    // Nginx: the full chain and the key, as PEM.
    const nginx = await downloadFor(page, "nginx");
    expect(nginx.suggestedFilename()).toBe(`${domain}_nginx.zip`);
    await expect(page.getByText(`Downloaded ${domain}_nginx.zip.`)).toBeVisible();
    const nginxFiles = await zipOf(nginx);
    expect(Object.keys(nginxFiles).sort()).toEqual([`${domain}.key`, `${domain}_bundle.crt`]);
    const bundle = certificatesIn(strFromU8(nginxFiles[`${domain}_bundle.crt`] ?? new Uint8Array()));
    expectLeafToIntermediate(bundle, domain);
    const nginxKey = createPrivateKey(strFromU8(nginxFiles[`${domain}.key`] ?? new Uint8Array()));
    expect(bundle[0]?.checkPrivateKey(nginxKey)).toBe(true);

    // IIS: a PFX under a password shown once in the console.
    const iis = await downloadFor(page, "iis");
    expect(iis.suggestedFilename()).toBe(`${domain}_iis.zip`);
    const passwordDialog = page.getByRole("dialog", { name: "Keystore password" });
    const password = (await passwordDialog.getByTestId("keystore-password").textContent())?.trim() ?? "";
    expect(password).toMatch(/^[A-Za-z2-9]{24}$/);
    const iisFiles = await zipOf(iis);
    expect(strFromU8(iisFiles["keystorePass.txt"] ?? new Uint8Array())).toBe(password);
    const pfxBytes = iisFiles[`${domain}.pfx`];
    if (!pfxBytes) throw new Error(`no ${domain}.pfx in ${Object.keys(iisFiles).join(", ")}`);
    const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(pfxBytes).toString("binary")), password);
    const certBag = forge.pki.oids.certBag ?? "";
    const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag ?? "";
    const der = (value: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(value).getBytes(), "binary");
    const pfxChain = (pfx.getBags({ bagType: certBag })[certBag] ?? []).map(
      (bag) => new X509Certificate(bag.cert ? der(forge.pki.certificateToAsn1(bag.cert)) : der(bag.asn1)),
    );
    expectLeafToIntermediate(pfxChain, domain);
    expect(pfxChain[0]?.fingerprint256).toBe(bundle[0]?.fingerprint256);
    const [shrouded] = pfx.getBags({ bagType: keyBag })[keyBag] ?? [];
    if (!shrouded) throw new Error("no key in the PFX");
    const pfxKey = shrouded.key
      ? createPrivateKey(forge.pki.privateKeyToPem(shrouded.key))
      : createPrivateKey({ key: der(shrouded.asn1), format: "der", type: "pkcs8" });
    expect(pfxChain[0]?.checkPrivateKey(pfxKey)).toBe(true);
    // A wrong password does not open it.
    expect(() =>
      forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(pfxBytes).toString("binary")), "wrong-password"),
    ).toThrow();
    await passwordDialog.getByRole("button", { name: "I have saved it" }).click();
    await expect(passwordDialog).toHaveCount(0);
  });
});
