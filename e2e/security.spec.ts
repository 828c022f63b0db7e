// Attacks against the real production server: cross-site server action calls (a foreign
// Origin, `Origin: null`), the job secret in a URL, cross-site posts to Auth.js without
// its CSRF token, cross-site posts to the upload route, and stored XSS in names and aliases,
// which must render as text.
import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { generateTestKeyPair, issueTestCertificate } from "../testing/issue-test-certificate";
import { expect, test } from "./fixtures";
import { DEMO_ADMIN, signIn } from "./support";

const CRON_SECRET = "e2e-cron-secret-0123456789-abcdefghijklmnop";
const XSS = `"><img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=1;alert(1)</script>`;
const DAY = 86_400_000;

async function autoRenewState(request: APIRequestContext, domain: string): Promise<string | undefined> {
  const response = await request.get(`/api/certificates?q=${encodeURIComponent(domain)}`);
  expect(response.status()).toBe(200);
  const page = (await response.json()) as { items: { domain: string; autoRenewState: string }[] };
  return page.items.find((item) => item.domain === domain)?.autoRenewState;
}

/** Fails the test if any script the page did not ship runs: a dialog, or the marker it sets. */
function failOnInjectedScript(page: Page): void {
  page.on("dialog", async (dialog) => {
    await dialog.dismiss();
    throw new Error(`an injected script opened a dialog: ${dialog.message()}`);
  });
}

async function expectNoInjectedScript(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test.describe("server actions called cross-site", () => {
  test("a foreign Origin or Origin: null is refused and changes nothing; the same request from the site works", async ({
    customerPage: page,
  }) => {
    const domain = "*.demo-app.net";
    // The browser's own call, captured and stopped before it reaches the server.
    let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
    await page.route("**/certificates", async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"]) {
        captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await page.goto("/certificates");
    const row = page.getByTestId("certificate-row").filter({ hasText: domain });
    await row.getByRole("button", { name: /^Activate Auto-Renewal/ }).click();
    await page
      .getByRole("dialog", { name: "Activate Auto-Renewal" })
      .getByRole("button", { name: "Activate Auto-Renewal" })
      .click();
    await expect.poll(() => captured).toBeDefined();
    const call = captured as NonNullable<typeof captured>;
    expect(await autoRenewState(page.request, domain)).toBe("OFF");

    const replay = (origin: string) =>
      page.request.post(call.url, {
        headers: {
          "content-type": call.headers["content-type"] ?? "text/plain;charset=UTF-8",
          accept: "text/x-component",
          "next-action": call.headers["next-action"] ?? "",
          "next-router-state-tree": call.headers["next-router-state-tree"] ?? "",
          origin,
        },
        data: call.body,
        maxRedirects: 0,
      });
    for (const origin of [
      "https://attacker.example",
      "null",
      `http://localhost.attacker.example:${new URL(baseURL).port}`,
    ]) {
      const response = await replay(origin);
      // proxy.ts answers before Next.js's own check would (with a 500).
      expect(response.status(), `Origin: ${origin}`).toBe(403);
      expect(await autoRenewState(page.request, domain), `Origin: ${origin}`).toBe("OFF");
    }
    // Control: the very same request with the site's own Origin goes through.
    const same = await replay(new URL(baseURL).origin);
    expect(same.status()).toBe(200);
    expect(await autoRenewState(page.request, domain)).toBe("ON");
  });
});

test.describe("the renewal job route", () => {
  test("refuses its secret in the query string, even with the header, and accepts the bearer header", async ({
    request,
  }) => {
    for (const query of [`secret=${CRON_SECRET}`, `token=${CRON_SECRET}`, `x=${CRON_SECRET}`]) {
      const inUrl = await request.post(`/api/jobs/renewals?${query}`);
      expect(inUrl.status(), query).toBe(401);
      expect(await inUrl.text()).not.toContain(CRON_SECRET);
      const both = await request.post(`/api/jobs/renewals?${query}`, {
        headers: { authorization: `Bearer ${CRON_SECRET}` },
      });
      expect(both.status(), `${query} with the header`).toBe(401);
    }
    expect((await request.post("/api/jobs/renewals", { headers: { authorization: "Bearer wrong" } })).status()).toBe(
      401,
    );
    const ok = await request.post("/api/jobs/renewals", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "SUCCEEDED" });
  });
});

test.describe("Auth.js endpoints posted cross-site", () => {
  test("sign-in and sign-out without the CSRF token do nothing; with it they work", async ({ request, customer }) => {
    const session = async () => (await (await request.get("/api/auth/session")).json()) as { userId?: string } | null;
    const cross = { origin: "https://attacker.example", "content-type": "application/x-www-form-urlencoded" };
    const credentials = { email: customer.email, password: customer.password };

    const forged = await request.post("/api/auth/callback/credentials", {
      headers: cross,
      form: credentials,
      maxRedirects: 0,
    });
    expect(forged.status()).toBeLessThan(500);
    expect(forged.headers()["set-cookie"] ?? "").not.toContain("session-token");
    expect((await session())?.userId).toBeUndefined();

    // A NUL in the address (PostgreSQL cannot store it) is a refusal, not a server error.
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const nul = await request.post("/api/auth/callback/credentials", {
      form: { ...credentials, email: `${customer.email}\u0000`, csrfToken },
      maxRedirects: 0,
    });
    expect(nul.status()).toBeLessThan(500);
    expect((await session())?.userId).toBeUndefined();

    const real = await request.post("/api/auth/callback/credentials", {
      form: { ...credentials, csrfToken },
      maxRedirects: 0,
    });
    expect(real.status()).toBeLessThan(400);
    const signedIn = (await session())?.userId;
    expect(signedIn).toBe(customer.id);

    const forgedSignOut = await request.post("/api/auth/signout", { headers: cross, form: {}, maxRedirects: 0 });
    expect(forgedSignOut.status()).toBeLessThan(500);
    expect((await session())?.userId).toBe(customer.id);
  });
});

/** A certificate, its chain and its key, as the upload route takes them. */
function uploadableCertificate(domain: string) {
  const keys = generateTestKeyPair("ec-p256");
  const root = issueTestCertificate({
    commonName: "E2E Security Root",
    isCa: true,
    notBefore: new Date(Date.now() - 10 * DAY),
    notAfter: new Date(Date.now() + 400 * DAY),
    keys: generateTestKeyPair("ec-p256"),
  });
  const leaf = issueTestCertificate({
    commonName: domain,
    sans: [domain],
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 200 * DAY),
    keys,
    issuer: root,
  });
  return { certificatePem: leaf.pem, chainPem: root.pem, privateKeyPem: leaf.privateKeyPem };
}

test.describe("the upload route posted cross-site", () => {
  test("a form posted from another site, or without Origin, is refused with 403 and stores nothing", async ({
    customerPage: page,
  }) => {
    const domain = `cross-site-${randomBytes(4).toString("hex")}.e2e-security.test`;
    const fields = uploadableCertificate(domain);
    // A page elsewhere can post a multipart form with the customer's cookie and no preflight.
    const attempts: Record<string, string>[] = [{ origin: "https://attacker.example" }, { origin: "null" }, {}];
    for (const headers of attempts) {
      const response = await page.request.post("/api/certificates/upload", { headers, multipart: fields });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toEqual({
        code: "FORBIDDEN",
        message: "Cross-site requests are not accepted. Use CertDesk from its own pages.",
      });
    }
    const listed = await page.request.get(`/api/certificates?q=${encodeURIComponent(domain)}`);
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
    // Control: the same form from the console's own origin is stored.
    const same = await page.request.post("/api/certificates/upload", {
      headers: { origin: new URL(baseURL).origin },
      multipart: fields,
    });
    expect(same.status(), await same.text()).toBe(201);
  });
});

test.describe("stored XSS", () => {
  test("a certificate alias with markup is shown as text in My Certificates", async ({ customerPage: page }) => {
    failOnInjectedScript(page);
    const domain = `xss-${randomBytes(4).toString("hex")}.e2e-security.test`;
    const alias = XSS;
    const uploaded = await page.request.post("/api/certificates/upload", {
      headers: { origin: new URL(baseURL).origin },
      data: { ...uploadableCertificate(domain), alias },
    });
    expect(uploaded.status(), await uploaded.text()).toBe(201);

    await page.goto(`/certificates?q=${encodeURIComponent(domain)}`);
    const row = page.getByTestId("certificate-row").filter({ hasText: domain });
    await expect(row.getByText(alias, { exact: true })).toBeVisible();
    await row.getByRole("link", { name: domain }).first().click();
    await expect(page.getByText(alias).first()).toBeVisible();
    await expectNoInjectedScript(page);
  });

  test("an account name with markup is shown as text to the customer and in the admin dashboard", async ({
    page,
    browser,
  }) => {
    failOnInjectedScript(page);
    const email = `xss-${randomBytes(4).toString("hex")}@e2e-security.test`;
    const name = XSS;
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/certificates$/);
    await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
    await expectNoInjectedScript(page);

    const adminContext = await browser.newContext();
    try {
      const adminPage = await adminContext.newPage();
      failOnInjectedScript(adminPage);
      await signIn(adminPage, DEMO_ADMIN);
      await adminPage.goto(`/admin/customers?q=${encodeURIComponent(email)}`);
      await expect(adminPage.getByText(name, { exact: true }).first()).toBeVisible();
      await adminPage.getByRole("link", { name: email }).click();
      await expect(adminPage.getByText(name, { exact: true }).first()).toBeVisible();
      await expectNoInjectedScript(adminPage);
    } finally {
      await adminContext.close();
    }
  });
});
