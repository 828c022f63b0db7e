import { createCustomer, expect, test } from "./fixtures";
import { signIn } from "./support";

test.describe("My Certificates", () => {
  test("lists the certificates with expiry colours, and filters, searches and pages through the URL", async ({
    customerPage: page,
  }) => {
    await page.goto("/certificates");
    const rows = page.getByTestId("certificate-row");
    await expect(rows).toHaveCount(20);
    await expect(page.getByTestId("pagination-summary")).toHaveText("1–20 of 23");

    const soon = rows.filter({ hasText: "api.example-shop.com" });
    await expect(soon.getByTestId("days-remaining")).toHaveAttribute("data-tone", "soon");
    await expect(soon.getByTestId("days-remaining")).toHaveText(/\d+ days? left/);
    const expired = rows.filter({ hasText: "old.example-shop.com" });
    await expect(expired.getByTestId("days-remaining")).toHaveAttribute("data-tone", "expired");
    await expect(expired.getByTestId("status-badge")).toHaveText("Expired");

    // The next page is read from the last row of this one (a keyset page), the URL says page 2.
    const seek = page.waitForRequest((request) => /\/api\/certificates\?.*after=/.test(request.url()));
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(rows).toHaveCount(3);
    await seek;
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(page.getByTestId("pagination-summary")).toHaveText("1–20 of 23");
    await expect(rows).toHaveCount(20);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page.getByTestId("pagination-summary")).toHaveText("21–23 of 23");

    await page.getByTestId("filter-expiring").check();
    await expect(page).toHaveURL(/expiring=1/);
    await expect(page).not.toHaveURL(/page=2/);
    await expect(rows.first()).toBeVisible();
    for (const days of await rows.getByTestId("days-remaining").allTextContents()) {
      expect(Number(days.match(/\d+/)?.[0])).toBeLessThanOrEqual(30);
    }

    await page.getByTestId("certificate-search").fill("example-bank");
    await expect(page).toHaveURL(/q=example-bank/);
    await expect(page.getByTestId("certificates-empty")).toContainText("No certificates match");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(rows).toHaveCount(20);

    await page.getByTestId("certificate-search").fill("Payments");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("pay.example-shop.com");
    await page.reload();
    await expect(page.getByTestId("certificate-search")).toHaveValue("Payments");
    await expect(rows).toHaveCount(1);
  });

  test("searches for what was typed before the page became interactive", async ({ customerPage: page }) => {
    // Hold the page's scripts until the text is in the box: a slow connection, made certain.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/certificates", { waitUntil: "domcontentloaded" });
    await page.getByTestId("certificate-search").fill("Payments");
    release();
    await expect(page).toHaveURL(/q=Payments/);
    await expect(page.getByTestId("certificate-row")).toHaveCount(1);
    await expect(page.getByTestId("certificate-row")).toContainText("pay.example-shop.com");
  });

  test("rows fetch a certificate's page when the pointer reaches its link, not all at once on load", async ({
    customerPage: page,
  }) => {
    const detailFetches: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      // The toolbar's "Upload certificate" and "Buy certificate" links are prefetched like any navigation link.
      const detailPage =
        /^\/certificates\/[^/]+$/.test(url.pathname) &&
        !["/certificates/upload", "/certificates/buy"].includes(url.pathname);
      if (request.headers().rsc && detailPage) detailFetches.push(url.pathname);
    });
    await page.goto("/certificates");
    const rows = page.getByTestId("certificate-row");
    await expect(rows).toHaveCount(20);
    await page.waitForLoadState("networkidle");
    expect(detailFetches).toEqual([]);

    const link = rows.first().getByRole("link").first();
    const href = await link.getAttribute("href");
    await link.hover();
    await expect.poll(() => detailFetches).toContain(href);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("warns when the balance will not cover the fees due in 30 days, and marks those rows", async ({
    customerPage: page,
  }) => {
    await page.goto("/certificates");
    const banner = page.getByTestId("balance-warning");
    await expect(banner).toContainText(
      "Renewal fees of $198.00 are due in the next 30 days, but your balance is $50.00",
    );
    await expect(banner).toContainText("Top up at least $148.00");
    await expect(banner.getByRole("link", { name: "*.staging.example-shop.com" })).toBeVisible();
    const atRisk = page.locator("[data-testid=certificate-row][data-at-risk]");
    await expect(atRisk).toHaveCount(2);
    await page.goto("/notifications");
    await expect(page.getByTestId("balance-warning")).toBeVisible();
  });

  test("activates auto-renewal on an eligible certificate from its row; the banner and table update at once", async ({
    customerPage: page,
  }) => {
    await page.goto("/certificates");
    const row = page.getByTestId("certificate-row").filter({ hasText: "*.demo-app.net" });
    await row.getByRole("button", { name: /^Activate Auto-Renewal/ }).click();
    const dialog = page.getByRole("dialog", { name: "Activate Auto-Renewal" });
    await expect(dialog.getByTestId("auto-renew-eligibility")).toHaveText(
      "This certificate can be enrolled in auto-renewal.",
    );
    await expect(dialog.getByTestId("auto-renew-fee")).toHaveText("$129.00");
    await expect(dialog).toContainText("Reference price");
    await expect(dialog.getByTestId("auto-renew-deduct-at")).toContainText("At the next renewal run");
    await expect(dialog.getByTestId("auto-renew-balance")).toHaveText("$50.00");
    await expect(dialog.getByTestId("auto-renew-shortfall")).toContainText("Top up at least $79.00");
    await expect(dialog.getByRole("link", { name: "Top up in Billing" })).toHaveAttribute("href", "/billing");

    await dialog.getByRole("button", { name: "Activate Auto-Renewal" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Auto-renewal activated for *.demo-app.net.")).toBeVisible();
    await expect(row.getByTestId("auto-renew-badge")).toHaveText("On");
    await expect(page.getByTestId("balance-warning")).toContainText("Renewal fees of $327.00");
    // Focus went back to the row's button when the dialog closed.
    await expect(row.getByRole("button", { name: /Auto-renewal settings/ })).toBeVisible();
  });

  test("explains exactly why ineligible certificates cannot be enrolled", async ({ customerPage: page }) => {
    await page.goto("/certificates");
    const cases: [string, string][] = [
      ["api.example-shop.com", "Fewer than 14 days remain before expiry; renew it manually."],
      ["test.demo-app.net", "Only paid certificates can be auto-renewed; this one is free."],
      ["secure.example-bank.com", "Auto-renewal is not yet available for this brand"],
      ["mail.example-shop.com", "This brand does not support auto-renewal for this domain type."],
      ["legacy.example-shop.com", "Only certificates with a 1-year validity period can be auto-renewed."],
      ["old.example-shop.com", "The certificate has already expired; renew it manually."],
    ];
    for (const [domain, reason] of cases) {
      await page.getByTestId("certificate-search").fill(domain);
      const row = page.getByTestId("certificate-row").filter({ hasText: domain });
      await expect(page.getByTestId("certificate-row")).toHaveCount(1);
      await row.getByRole("button", { name: /^Activate Auto-Renewal/ }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByTestId("auto-renew-eligibility")).toContainText("cannot be enrolled");
      await expect(dialog.getByTestId("auto-renew-eligibility")).toContainText(reason);
      await expect(dialog.getByRole("button", { name: "Activate Auto-Renewal" })).toBeDisabled();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
    }
  });

  test("deactivates auto-renewal from the certificate page, with history and resources shown", async ({
    customerPage: page,
  }) => {
    await page.goto("/certificates?q=Shop+wildcard");
    await page.getByRole("link", { name: "*.example-shop.com" }).last().click();
    await expect(page.getByTestId("certificate-domain")).toHaveText("*.example-shop.com");
    await expect(page.getByTestId("renewal-chain").locator("li")).toHaveCount(2);
    await expect(page.getByTestId("certificate-resources")).toContainText("shop-lb-prod");

    await page.getByRole("button", { name: "Auto-renewal settings" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("auto-renew-eligibility")).toHaveText("Auto-renewal is on for this certificate.");
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("auto-renew-card").getByTestId("auto-renew-badge")).toHaveText("Off");
    // The fee due in 15 days no longer counts against the balance.
    await expect(page.getByTestId("balance-warning")).toContainText("Renewal fees of $99.00");
  });

  test("another customer's certificate is simply not found", async ({ customerPage: page, browser }) => {
    // Two customers created and signed in (a process each, Argon2 twice) before the checks start.
    test.setTimeout(60_000);
    await page.goto("/certificates?q=Payments");
    const id = await page.getByTestId("certificate-row").first().getAttribute("data-certificate-id");
    const stranger = await browser.newPage();
    await signIn(stranger, await createCustomer("stranger", { empty: true }));
    const response = await stranger.goto(`/certificates/${id}`);
    expect(response?.status()).toBe(404);
    const api = await stranger.request.get(`/api/certificates/${id}/auto-renew-offer`);
    expect(api.status()).toBe(404);
    await stranger.goto("/certificates");
    await expect(stranger.getByTestId("certificates-empty")).toContainText("No certificates yet");
  });

  test("works in Simplified Chinese", async ({ customerPage: page, baseURL }) => {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL }]);
    await page.goto("/certificates");
    await expect(page.getByRole("heading", { level: 1, name: "我的证书" })).toBeVisible();
    await expect(page.getByTestId("balance-warning")).toContainText("请至少充值 US$148.00");
    await page.getByTestId("certificate-search").fill("api.example-shop.com");
    await expect(page.getByTestId("certificate-row")).toHaveCount(1);
    await page.getByRole("button", { name: /^开启自动续费/ }).click();
    const dialog = page.getByRole("dialog", { name: "开启自动续费" });
    await expect(dialog.getByTestId("auto-renew-eligibility")).toContainText("距到期不足 14 天，请手动续费。");
  });
});
