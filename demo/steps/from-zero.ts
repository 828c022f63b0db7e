// The story from zero (issue 16), told after the seeded one because it moves the demo clock a
// year ahead: a new customer signs up, tops up, hosts a domain and buys a DNSPod DV wildcard
// with auto-renewal on, paid once; the job issues it. A second new customer buys a
// certificate for a domain hosted elsewhere and adds the TXT record at "their DNS provider"
// (the demo DNS server) by hand. Then the clock moves to 30 days before the first one
// expires and the job deducts its fee once and issues the renewal. Nothing seeded is used.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type { DemoStep } from "@/demo/demo-session";
import type { DemoTranslator } from "@/demo/demo-translator";
import { expect } from "@/demo/expect";
import { balanceOnBillingPage, runRenewalJob, setDemoClock, signIn, topUp } from "@/demo/steps/console-actions";
import { need } from "@/demo/story-state";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { addCalendarYears, addDays } from "@/lib/time";

const TOP_UP_MINOR = 25_000;
const PASSWORD = "a-long-enough-password";

/** Signs the page's browser out and creates a new account on the sign-up page. */
async function signUpAs(page: Page, label: string, i18n: DemoTranslator): Promise<string> {
  const { t } = i18n;
  const email = `${label}-${randomBytes(3).toString("hex")}@example.test`;
  const context = page.context();
  await context.clearCookies();
  await context.addCookies([{ name: LOCALE_COOKIE, value: i18n.locale, url: new URL(page.url()).origin }]);
  await page.goto("/sign-up");
  await page.getByLabel(t("auth.name"), { exact: true }).fill(label === "newcomer" ? "Ada Newcomer" : "Lin Elsewhere");
  await page.getByLabel(t("auth.email"), { exact: true }).fill(email);
  await page.getByLabel(t("auth.password"), { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: t("auth.signUp"), exact: true }).click();
  await expect(page).toHaveURL(/\/certificates$/);
  return email;
}

/** The order form: brand and domain type chosen, one name, auto-renewal as asked; returns the certificate id. */
async function buy(
  page: Page,
  order: { domainType: "SINGLE" | "WILDCARD"; name: string; autoRenew: boolean },
  i18n: DemoTranslator,
): Promise<string> {
  const { t } = i18n;
  await page.goto("/certificates/buy");
  await page.getByTestId("order-brand").selectOption("DNSPod");
  await page
    .getByTestId("order-domain-type")
    .getByText(t(`certificates.domainType.${order.domainType}`))
    .click();
  await page.getByTestId("order-name").fill(order.name);
  const autoRenew = page.getByTestId("order-auto-renew-switch");
  if (order.autoRenew) {
    await expect(autoRenew).toBeEnabled();
    if ((await autoRenew.getAttribute("aria-checked")) !== "true") await autoRenew.click();
    await expect(autoRenew).toHaveAttribute("aria-checked", "true");
  }
  await page.getByTestId("order-submit").click();
  await expect(page).toHaveURL(/\/certificates\/(?!buy$)[\w-]+$/, { timeout: 60_000 });
  await expect(page.getByTestId("certificate-domain")).toHaveText(order.name);
  return new URL(page.url()).pathname.split("/").at(-1) ?? "";
}

/** The expiry the certificate page shows: the <time> beside the days left. */
async function shownExpiry(page: Page): Promise<Date> {
  const time = page.getByTestId("days-remaining").locator("xpath=preceding-sibling::time");
  await expect(time).toHaveCount(1);
  return new Date((await time.getAttribute("datetime")) ?? "");
}

export const newcomerSignsUpStep: DemoStep = {
  id: "newcomer-signs-up",
  actor: "customer",
  caption: {
    en: "From zero: a new customer signs up and tops up; My Certificates is empty",
    "zh-CN": "从零开始：新客户注册并充值；“我的证书”为空",
  },
  async run({ customer, i18n, state, say }) {
    const email = await signUpAs(customer, "newcomer", i18n);
    await expect(customer.getByTestId("certificate-row")).toHaveCount(0);
    await expect(customer.getByTestId("certificates-empty").getByTestId("buy-certificate")).toBeVisible();
    const balance = await topUp(customer, TOP_UP_MINOR, "USD", i18n);
    state.newcomer = { email, balanceMinor: balance };
    await say(customer, {
      en: `${email}: empty account, ${i18n.money(balance, "USD")} after the top-up`,
      "zh-CN": `${email}：空账户，充值后余额 ${i18n.money(balance, "USD")}`,
    });
  },
};

export const newcomerBuysStep: DemoStep = {
  id: "newcomer-buys-wildcard",
  actor: "customer",
  caption: {
    en: "DNS hosting, then Buy certificate: a DNSPod DV wildcard with auto-renewal on, paid once",
    "zh-CN": "添加 DNS 托管，再购买证书：DNSPod DV 通配符证书，开启自动续费，只扣费一次",
  },
  async run({ customer, i18n, state, say }) {
    const newcomer = need(state.newcomer, "new customer");
    const zone = `newcomer-${randomBytes(3).toString("hex")}.example.test`;
    await customer.goto("/dns-hosting");
    await customer.getByTestId("add-zones-name").fill(zone);
    await customer.getByTestId("add-zones-submit").click();
    await expect(customer.locator(`[data-testid=hosted-zone][data-zone="${zone}"]`)).toBeVisible();

    const id = await buy(customer, { domainType: "WILDCARD", name: `*.${zone}`, autoRenew: true }, i18n);
    const balance = await balanceOnBillingPage(customer);
    const price = newcomer.balanceMinor - balance;
    expect(price, "the wildcard's price, charged once").toBeGreaterThan(0);
    await expect(customer.getByTestId("ledger-table").locator("tr[data-kind=PURCHASE]")).toHaveCount(1);
    state.newcomer = { ...newcomer, zone, certificateId: id, priceMinor: price, balanceMinor: balance };
    await say(customer, {
      en: `*.${zone}: ${i18n.money(price, "USD")} paid from the balance, validated through the hosted zone`,
      "zh-CN": `*.${zone}：已从余额支付 ${i18n.money(price, "USD")}，通过托管区自动验证`,
    });
  },
};

/** The whole days left the certificate page shows beside the expiry. */
async function shownDaysLeft(page: Page): Promise<number> {
  const text = (await page.getByTestId("days-remaining").textContent()) ?? "";
  return Number(/\d+/.exec(text)?.[0] ?? Number.NaN);
}

export const newcomerIssuedStep: DemoStep = {
  id: "newcomer-issued",
  actor: "admin",
  caption: {
    en: "The job runs: the wildcard is issued, valid for a year, auto-renewal on",
    "zh-CN": "任务运行：通配符证书已签发，有效期一年，自动续费已开启",
  },
  async run({ admin, customer, i18n, state, say }) {
    const newcomer = need(state.newcomer, "new customer");
    const id = need(newcomer.certificateId, "the new customer's certificate");
    await runRenewalJob(admin, {}, i18n);
    await customer.goto(`/certificates/${id}`);
    await expect(customer.getByTestId("status-badge").first()).toHaveText(i18n.t("certificates.status.ISSUED"));
    const daysLeft = await shownDaysLeft(customer);
    expect(daysLeft >= 364 && daysLeft <= 366, `valid for a year (${daysLeft} days left)`).toBe(true);
    const expiresAt = await shownExpiry(customer);
    state.newcomer = { ...newcomer, expiresAt };
    await say(customer, {
      en: `Issued until ${expiresAt.toISOString().slice(0, 10)} (${daysLeft} days)`,
      "zh-CN": `已签发，有效期至 ${expiresAt.toISOString().slice(0, 10)}（${daysLeft} 天）`,
    });
  },
};

export const elsewhereCustomerStep: DemoStep = {
  id: "third-party-customer",
  actor: "customer",
  caption: {
    en: "A second new customer, DNS elsewhere: buys, adds the TXT record by hand, Verify now issues",
    "zh-CN": "第二位新客户，DNS 在别处：购买后手动添加 TXT 记录，点击“立即验证”即签发",
  },
  async run({ customer, dns, i18n, say }) {
    await signUpAs(customer, "elsewhere", i18n);
    await topUp(customer, TOP_UP_MINOR, "USD", i18n);
    const domain = `shop-${randomBytes(3).toString("hex")}.example.test`;
    await buy(customer, { domainType: "SINGLE", name: domain, autoRenew: false }, i18n);
    await expect(customer.getByTestId("status-badge").first()).toHaveText(
      i18n.t("certificates.status.PENDING_VALIDATION"),
    );
    const record = customer.getByTestId("validation-record");
    const name = ((await record.getByTestId("record-name").textContent()) ?? "").trim();
    const value = ((await record.getByTestId("record-value").textContent()) ?? "").trim();
    expect(name, "record name").toBe(`_dnsauth.${domain}`);
    dns.addRecord({ name, type: "TXT", value });
    await say(customer, {
      en: `Added at "their DNS provider" (the demo DNS server): ${name} TXT "${value}"`,
      "zh-CN": `已在“其 DNS 服务商”（演示 DNS 服务器）添加：${name} TXT "${value}"`,
    });
    await customer.getByTestId("verify-now").click();
    await expect(customer.getByTestId("status-badge").first()).toHaveText(i18n.t("certificates.status.ISSUED"), {
      timeout: 30_000,
    });
  },
};

export const newcomerRenewedStep: DemoStep = {
  id: "newcomer-renewed",
  actor: "customer",
  caption: {
    en: "A year later (demo clock: 30 days before expiry) the job takes the fee once and renews",
    "zh-CN": "一年后（演示时钟：到期前 30 天），任务只扣费一次并完成续费",
  },
  async run({ admin, customer, i18n, state, say }) {
    const newcomer = need(state.newcomer, "new customer");
    const id = need(newcomer.certificateId, "the new customer's certificate");
    await customer.context().clearCookies();
    await customer
      .context()
      .addCookies([{ name: LOCALE_COOKIE, value: i18n.locale, url: new URL(customer.url()).origin }]);
    await signIn(customer, { email: newcomer.email, password: PASSWORD }, i18n);
    const expiresAt = need(newcomer.expiresAt, "the new certificate's expiry");
    const price = need(newcomer.priceMinor, "the wildcard's price");
    await setDemoClock(admin, new Date(addDays(expiresAt, -30).getTime() + 60_000), i18n);

    // The renewal, its record in the hosted zone, is validated and issued by the runs that
    // follow; the certificate's chain lists it, linked, with its status.
    const renewal = customer
      .getByTestId("renewal-chain")
      .locator("li")
      .filter({ has: customer.getByRole("link") });
    for (let run = 0; run < 3; run++) {
      await runRenewalJob(admin, {}, i18n);
      await customer.goto(`/certificates/${id}`);
      const status = (await renewal.count()) === 1 ? await renewal.getByTestId("status-badge").textContent() : null;
      if (status?.trim() === i18n.t("certificates.status.ISSUED")) break;
    }
    const balance = await balanceOnBillingPage(customer);
    expect(balance, "one renewal fee").toBe(newcomer.balanceMinor - price);
    await expect(customer.getByTestId("ledger-table").locator("tr[data-kind=RENEWAL_DEDUCTION]")).toHaveCount(1);

    await customer.goto(`/certificates/${id}`);
    await renewal.getByRole("link").click();
    await expect(customer).not.toHaveURL(new RegExp(`/certificates/${id}$`));
    await expect(customer.getByTestId("status-badge").first()).toHaveText(i18n.t("certificates.status.ISSUED"));
    const renewedUntil = addCalendarYears(expiresAt, 1).toISOString().slice(0, "2026-01-01T00:00".length);
    expect((await shownExpiry(customer)).toISOString().slice(0, renewedUntil.length), "old expiry plus a year").toBe(
      renewedUntil,
    );

    await say(customer, {
      en: `${i18n.money(price, "USD")} deducted once; renewed until ${renewedUntil.slice(0, 10)}`,
      "zh-CN": `只扣费一次 ${i18n.money(price, "USD")}；续期至 ${renewedUntil.slice(0, 10)}`,
    });
  },
};
