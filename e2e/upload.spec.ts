// Hosting one's own certificate: a certificate, its chain and key generated here are pasted
// in, the certificate shows in My Certificates as "Uploaded", and the auto-renewal dialog
// says why it cannot be enrolled. A bad paste is refused at its field, nothing stored.
import { generateTestKeyPair, issueTestCertificate, type TestCertificate } from "../testing/issue-test-certificate";
import { expect, test } from "./fixtures";

const DAY = 86_400_000;

function issueChain(domain: string, notAfter: Date): { leaf: TestCertificate; intermediate: TestCertificate } {
  const notBefore = new Date(Date.now() - 10 * DAY);
  const root = issueTestCertificate({
    commonName: "E2E Upload Root",
    isCa: true,
    notBefore,
    notAfter: new Date(Date.now() + 3_000 * DAY),
    keys: generateTestKeyPair("ec-p256"),
  });
  const intermediate = issueTestCertificate({
    commonName: "E2E Upload Intermediate",
    isCa: true,
    notBefore,
    notAfter: new Date(Date.now() + 2_000 * DAY),
    keys: generateTestKeyPair("ec-p256"),
    issuer: root,
  });
  const leaf = issueTestCertificate({
    commonName: domain,
    sans: [domain],
    notBefore,
    notAfter,
    keys: generateTestKeyPair("ec-p256"),
    issuer: intermediate,
  });
  return { leaf, intermediate };
}

test.describe("certificate upload", () => {
  test("hosts a pasted certificate as Uploaded; auto-renewal says why it is not eligible", async ({
    customerPage: page,
  }) => {
    // Two uploads, two page loads and a dialog: more than the default 30 s on a busy 2-core runner.
    test.setTimeout(60_000);
    const domain = `upload-${Date.now().toString(36)}.e2e-upload.test`;
    const { leaf, intermediate } = issueChain(domain, new Date(Date.now() + 200 * DAY));

    await page.goto("/certificates");
    await page.getByTestId("upload-certificate").click();
    await expect(page).toHaveURL(/\/certificates\/upload$/);
    await expect(page.getByRole("heading", { name: "Upload a certificate" })).toBeVisible();

    // A key from another certificate first: refused at the key field, nothing stored.
    await page.getByLabel("Certificate (PEM)").fill(leaf.pem);
    await page.getByLabel("Certificate chain (PEM)").fill(intermediate.pem);
    await page.getByLabel("Private key (PEM)").fill(intermediate.privateKeyPem);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByTestId("upload-error-privateKey")).toHaveText(
      "This private key does not belong to this certificate. Paste the key the certificate request was made with.",
    );
    await expect(page.getByLabel("Private key (PEM)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("upload-summary")).toContainText("Nothing was stored.");

    await page.getByLabel("Private key (PEM)").fill(leaf.privateKeyPem);
    await page.getByLabel(/^Alias/).fill("Pasted in e2e");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page).toHaveURL(/\/certificates\/(?!upload$)[\w-]+$/);
    await expect(page.getByRole("heading", { name: domain })).toBeVisible();

    // Listed as Uploaded in My Certificates.
    await page.goto(`/certificates?q=${encodeURIComponent(domain)}`);
    const row = page.getByTestId("certificate-row").filter({ hasText: domain });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Uploaded");
    await expect(row.getByRole("button", { name: `Activate Auto-Renewal: ${domain} (Pasted in e2e)` })).toBeVisible();
    await row.getByRole("link", { name: domain }).click();
    // On the certificate's own page: until it has replaced the list, the row's own
    // "Activate Auto-Renewal" button matches too, and a dialog opened there is unmounted
    // by the navigation that follows.
    await expect(page).toHaveURL(/\/certificates\/(?!upload$)[\w-]+$/);
    await expect(page.getByRole("heading", { name: domain })).toBeVisible();

    // The auto-renewal dialog explains why not.
    await page.getByRole("button", { name: /Activate Auto-Renewal/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("auto-renew-eligibility")).toContainText("cannot be enrolled");
    await expect(dialog.getByTestId("auto-renew-eligibility")).toContainText(
      "Uploaded certificates are managed elsewhere and cannot be renewed here.",
    );
    await expect(dialog.getByRole("button", { name: "Activate Auto-Renewal" })).toBeDisabled();
  });

  test("refuses an expired certificate with a message saying what to do", async ({ customerPage: page }) => {
    const domain = `expired-${Date.now().toString(36)}.e2e-upload.test`;
    const { leaf, intermediate } = issueChain(domain, new Date(Date.now() - DAY));
    await page.goto("/certificates/upload");
    await page.getByLabel("Certificate (PEM)").fill(leaf.pem);
    await page.getByLabel("Certificate chain (PEM)").fill(intermediate.pem);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByTestId("upload-error-certificate")).toContainText("This certificate expired on");
    await expect(page.getByTestId("upload-error-certificate")).toContainText(
      "Upload a certificate that is still valid.",
    );
    await expect(page).toHaveURL(/\/certificates\/upload$/);
    await page.goto(`/certificates?q=${encodeURIComponent(domain)}`);
    await expect(page.getByTestId("certificate-row")).toHaveCount(0);
  });
});
