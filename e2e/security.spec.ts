// Attacks against the real production server: cross-site server action calls (a foreign
// Origin, `Origin: null`), the job secret in a URL, cross-site posts to Auth.js without
// its CSRF token, cross-site posts to the upload route, stored XSS in names and aliases,
// which must render as text, a page's Content-Security-Policy, and forwarded headers a
// client writes to choose its address.
import { randomBytes, randomInt } from "node:crypto";
import { request as httpRequest } from "node:http";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { IP_LIMITS } from "../lib/auth/sign-in-limits";
import { baseURL } from "../playwright.config";
import { generateTestKeyPair, issueTestCertificate } from "../testing/issue-test-certificate";
import { expect, test } from "./fixtures";
import { ADMIN_STATE, CUSTOMER_STATE, DEMO_ADMIN, signIn } from "./support";

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

/** script-src of a response's policy, and the nonce in it. */
function scriptSources(policy: string | undefined): { sources: string[]; nonce: string | undefined } {
  const directive = policy
    ?.split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === "script-src");
  const sources = directive?.slice(1) ?? [];
  return { sources, nonce: sources.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1]).find(Boolean) };
}

test.describe("Content-Security-Policy", () => {
  test("each page response has a fresh nonce, no inline script without it, and a client cannot choose it", async ({
    request,
  }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await request.get("/sign-in", {
        // A client's own policy or nonce must not become the page's.
        headers: { "content-security-policy": "script-src 'nonce-chosen'", "x-nonce": "chosen" },
      });
      expect(response.status()).toBe(200);
      const { sources, nonce } = scriptSources(response.headers()["content-security-policy"]);
      expect(sources).toContain("'strict-dynamic'");
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      nonces.add(nonce ?? "");
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(1);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      expect(html).not.toContain("chosen");
    }
    expect(nonces.size).toBe(3);

    const api = await request.get("/api/auth/session");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  const pages: Record<"guest" | "customer" | "admin", { path: string; ready: (page: Page) => Promise<void> }[]> = {
    guest: [
      { path: "/sign-in", ready: (page) => expect(page.getByRole("button", { name: "Sign in" })).toBeVisible() },
      { path: "/sign-up", ready: (page) => expect(page.getByRole("button", { name: "Create account" })).toBeVisible() },
    ],
    customer: [
      {
        path: "/certificates",
        ready: (page) => expect(page.getByTestId("certificate-row").first()).toBeVisible(),
      },
      {
        path: "/certificates",
        ready: async (page) => {
          // The first certificate's own page, reached as a customer would.
          await page.getByTestId("certificate-row").first().getByRole("link").first().click();
          await expect(page).toHaveURL(/\/certificates\/(?!upload$)[\w-]+$/);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        },
      },
      {
        path: "/certificates/upload",
        ready: (page) => expect(page.getByRole("heading", { name: "Upload a certificate" })).toBeVisible(),
      },
      {
        path: "/billing",
        ready: (page) =>
          expect(page.getByTestId("balance-forecast-chart").locator("svg.recharts-surface")).toBeVisible(),
      },
      {
        path: "/notifications",
        ready: (page) => expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible(),
      },
      {
        path: "/notifications/settings",
        ready: (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible(),
      },
    ],
    admin: [
      {
        path: "/admin",
        ready: (page) => expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible(),
      },
      { path: "/admin/customers", ready: (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible() },
      { path: "/admin/jobs", ready: (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible() },
    ],
  };

  async function visitWatched(browser: Browser, role: keyof typeof pages, theme: "light" | "dark"): Promise<void> {
    const context = await browser.newContext({
      storageState: role === "guest" ? undefined : role === "admin" ? ADMIN_STATE : CUSTOMER_STATE,
    });
    const violations: string[] = [];
    await context.exposeFunction("__reportCspViolation", (line: string) => violations.push(line));
    await context.addInitScript((chosen) => {
      localStorage.setItem("certdesk-theme", chosen);
      const report = (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation;
      document.addEventListener("securitypolicyviolation", (event) =>
        report(
          `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
        ),
      );
      // Whether <html> is dark when <body> starts (before the first paint), and each change after.
      const log: string[] = [];
      (window as unknown as { __themeLog: string[] }).__themeLog = log;
      let last: boolean | undefined;
      new MutationObserver(() => {
        const dark = document.documentElement?.classList.contains("dark");
        if (!document.body || dark === last) return;
        log.push(
          last === undefined ? `at first paint: ${dark ? "dark" : "light"}` : `then: ${dark ? "dark" : "light"}`,
        );
        last = dark;
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
    }, theme);
    try {
      const page = await context.newPage();
      page.on("console", (message) => {
        if (/content security policy|refused to (load|execute|apply|evaluate|connect)/i.test(message.text())) {
          violations.push(`console: ${message.text()}`);
        }
      });
      for (const { path, ready } of pages[role]) {
        await page.goto(path);
        await ready(page);
        await page.waitForLoadState("networkidle");
        const where = `${page.url()} (${theme})`;
        expect(violations, where).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __themeLog: string[] }).__themeLog), where).toEqual([
          `at first paint: ${theme}`,
        ]);
      }
    } finally {
      await context.close();
    }
  }

  for (const theme of ["light", "dark"] as const) {
    for (const role of ["guest", "customer", "admin"] as const) {
      test(`no ${role} page reports a violation, and the ${theme} theme is there before the first paint`, async ({
        browser,
      }) => {
        test.setTimeout(90_000);
        await visitWatched(browser, role, theme);
      });
    }
  }
});

test.describe("forwarded headers from a client (TRUST_PROXY off)", () => {
  test("X-Forwarded-Proto: https over plain http earns no HSTS", async ({ request }) => {
    const response = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
    expect(response.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  /** One HTTP exchange from the given loopback address, so the server sees a peer of the test's own. */
  function exchange(
    localAddress: string,
    options: { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string },
  ): Promise<{ status: number; setCookie: string[]; location: string | undefined; body: string }> {
    const url = new URL(options.path, baseURL);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: "127.0.0.1",
          port: url.port,
          path: url.pathname,
          method: options.method,
          localAddress,
          headers: options.headers,
        },
        (incoming) => {
          let body = "";
          incoming.setEncoding("utf8");
          incoming.on("data", (chunk: string) => {
            body += chunk;
          });
          incoming.on("end", () =>
            resolve({
              status: incoming.statusCode ?? 0,
              setCookie: incoming.headers["set-cookie"] ?? [],
              location: incoming.headers.location,
              body,
            }),
          );
        },
      );
      outgoing.on("error", reject);
      outgoing.end(options.body);
    });
  }

  /** A failed sign-in through Auth.js's own endpoints; returns the refusal's code. */
  async function failSignIn(localAddress: string, forwardedFor: string): Promise<string | null> {
    const csrf = await exchange(localAddress, {
      method: "GET",
      path: "/api/auth/csrf",
      headers: { "x-forwarded-for": forwardedFor },
    });
    const cookie = csrf.setCookie.map((line) => line.split(";")[0]).join("; ");
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const attempt = await exchange(localAddress, {
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie,
        origin: new URL(baseURL).origin,
        "x-forwarded-for": forwardedFor,
        "x-real-ip": forwardedFor,
      },
      body: new URLSearchParams({
        csrfToken,
        email: `nobody-${randomBytes(4).toString("hex")}@e2e-security.test`,
        password: "not-a-password",
      }).toString(),
    });
    expect(attempt.status, attempt.body).toBe(302);
    return new URL(attempt.location ?? "", baseURL).searchParams.get("code");
  }

  test("sign-in limits count the connection's address: rotating X-Forwarded-For does not dodge them", async () => {
    test.setTimeout(120_000);
    // Loopback addresses of this test's own (Linux routes all of 127.0.0.0/8 to the
    // machine), so the failures count against no other test's address.
    const attacker = `127.${randomInt(100, 200)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const bystander = `127.${randomInt(200, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const perMinute = Math.min(...IP_LIMITS.map((limit) => limit.maxFailures));
    for (let i = 0; i < perMinute; i++) {
      expect(await failSignIn(attacker, `198.51.100.${i + 1}`), `attempt ${i + 1}`).toBe("INVALID_CREDENTIALS");
    }
    // A new address in the header each time, yet the same socket: refused.
    expect(await failSignIn(attacker, "203.0.113.250")).toBe("TOO_MANY_ATTEMPTS");
    // Even when the header names the bystander's address.
    expect(await failSignIn(attacker, bystander)).toBe("TOO_MANY_ATTEMPTS");
    // Another peer is not held back by the attacker's failures.
    expect(await failSignIn(bystander, attacker)).toBe("INVALID_CREDENTIALS");
  });
});
