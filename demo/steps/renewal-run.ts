// Steps 7–13: the operator moves the demo clock to 30 days before expiry and runs the
// renewal job; the fees are deducted, the hosted domain renews by itself and its cloud
// resources are updated, and the third-party domain renews once its TXT record exists.
import type { Page } from "@playwright/test";
import { type DemoCertificate, readBalance, readCertificates, readOffer } from "@/demo/demo-data";
import type { DemoStep } from "@/demo/demo-session";
import type { DemoTranslator } from "@/demo/demo-translator";
import { expect } from "@/demo/expect";
import {
  balanceOnBillingPage,
  escapeRegExp,
  findRow,
  openCertificate,
  openRenewalOf,
  runRenewalJob,
  setDemoClock,
  signIn,
} from "@/demo/steps/console-actions";
import { need } from "@/demo/story-state";
import { addCalendarYears } from "@/lib/time";

/** The renewed certificate's validity ends one calendar year after the old one's. */
function renewedExpiryIso(certificate: DemoCertificate): string {
  return addCalendarYears(new Date(need(certificate.expiresAt ?? undefined, "expiry")), 1).toISOString();
}

async function expectIssuedUntil(page: Page, certificate: DemoCertificate, { t }: DemoTranslator): Promise<void> {
  await expect(page.getByTestId("status-badge").first()).toHaveText(t("certificates.status.ISSUED"));
  // To the second: X.509 validity has no milliseconds.
  const expected = renewedExpiryIso(certificate).slice(0, "2026-01-01T00:00:00".length);
  await expect(page.locator(`time[datetime^="${expected}"]`).first()).toBeVisible();
}

export const moveClockStep: DemoStep = {
  id: "move-clock",
  actor: "admin",
  caption: {
    en: "Admin dashboard: move the demo clock to 30 days before the hosted certificate expires",
    "zh-CN": "管理后台：将演示时钟调到托管域名证书到期前 30 天",
  },
  async run({ admin, customer, accounts, i18n, state, say }) {
    const hosted = need(state.hosted, "hosted certificate");
    const target = need(state.clockTarget, "clock target");
    await signIn(admin, accounts.admin, i18n);
    await setDemoClock(admin, target, i18n);
    await say(admin, {
      en: `${hosted.domain} expires ${hosted.expiresAt?.slice(0, 10)}; the clock now reads ${target.toISOString().slice(0, 16)} UTC`,
      "zh-CN": `${hosted.domain} 于 ${hosted.expiresAt?.slice(0, 10)} 到期；时钟现为 ${target.toISOString().slice(0, 16)} UTC`,
    });

    // The customer's console follows the clock: the fee is due at the next run.
    await customer.goto("/certificates");
    await expect(customer.getByTestId("simulated-clock-badge")).toBeVisible();
    const row = await findRow(customer, hosted);
    await row
      .getByRole("button", { name: new RegExp(`^${escapeRegExp(i18n.t("certificates.manageAutoRenew"))}`) })
      .click();
    const dialog = customer.getByRole("dialog");
    await expect(dialog.getByTestId("auto-renew-deduct-at")).toHaveText(i18n.t("autoRenew.deductAtNextRun"));
    await customer.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // What the first run will deduct: every auto-renewing certificate whose date has come.
    const certificates = await readCertificates(customer, need(state.zones, "hosted zones"));
    const due = new Map<string, number>();
    for (const certificate of certificates.filter((row) => row.autoRenewState === "ON" && !row.renewalPaid)) {
      const offer = await readOffer(customer, certificate.id);
      if (offer.deductsAtNextRun && offer.fee) due.set(certificate.id, offer.fee.amountMinor);
    }
    state.certificates = certificates;
    state.dueFees = due;
    state.balanceBeforeRunMinor = (await readBalance(customer)).balanceMinor;
    expect(due.has(hosted.id), `${hosted.domain} is due`).toBe(true);
    expect(due.has(need(state.thirdParty, "third-party certificate").id), "the third-party certificate is due").toBe(
      true,
    );
  },
};

export const runJobStep: DemoStep = {
  id: "run-job",
  actor: "admin",
  caption: {
    en: "Jobs → Run now: the renewal job deducts the fees due, validates and issues",
    "zh-CN": "任务 → 立即运行：续费任务扣费、验证并签发",
  },
  async run({ admin, i18n, state, say }) {
    const due = need(state.dueFees, "fees due");
    const certificates = need(state.certificates, "certificate list");
    const hostedDue = certificates.filter((row) => due.has(row.id) && row.hosted).length;
    await runRenewalJob(
      admin,
      { deducted: due.size, terminatedInsufficientBalance: 0, validated: hostedDue, issued: hostedDue },
      i18n,
    );
    await say(admin, {
      en: `${due.size} fees deducted; ${hostedDue} hosted-domain renewals validated and issued at once`,
      "zh-CN": `扣费 ${due.size} 笔；${hostedDue} 个托管域名的续费已自动验证并签发`,
    });
  },
};

export const deductionInBillingStep: DemoStep = {
  id: "deduction-in-billing",
  actor: "customer",
  caption: {
    en: "Billing: the renewal fees were deducted from the balance",
    "zh-CN": "费用中心：续费费用已从余额扣除",
  },
  async run({ customer, i18n, state, say }) {
    const due = need(state.dueFees, "fees due");
    const before = need(state.balanceBeforeRunMinor, "balance before the run");
    const total = [...due.values()].reduce((sum, fee) => sum + fee, 0);
    const currency = need(state.currency, "currency");
    const balance = await balanceOnBillingPage(customer);
    expect(balance, "balance after the deductions").toBe(before - total);
    const deductions = customer.getByTestId("ledger-table").locator("tr[data-kind=RENEWAL_DEDUCTION]");
    for (const certificate of need(state.certificates, "certificate list").filter((row) => due.has(row.id))) {
      await expect(deductions.filter({ hasText: certificate.domain }).first()).toBeVisible();
    }
    await say(customer, {
      en: `${i18n.money(total, currency)} deducted; balance ${i18n.money(balance, currency)}`,
      "zh-CN": `共扣除 ${i18n.money(total, currency)}；余额 ${i18n.money(balance, currency)}`,
    });
  },
};

export const thirdPartyPendingStep: DemoStep = {
  id: "third-party-pending",
  actor: "customer",
  caption: {
    en: "The third-party domain's renewal is pending validation: the console shows the TXT record to add",
    "zh-CN": "第三方域名的续费待验证：控制台显示需要添加的 TXT 记录",
  },
  async run({ customer, i18n, state, say }) {
    const { t } = i18n;
    const thirdParty = need(state.thirdParty, "third-party certificate");
    await openRenewalOf(customer, thirdParty, i18n);
    await expect(customer.getByTestId("status-badge").first()).toHaveText(t("certificates.status.PENDING_VALIDATION"));
    const card = customer.getByTestId("validation-card");
    await expect(card).toContainText(
      t("renewal.validation.manualDescription", { domain: thirdParty.domain, count: 1 }),
    );
    await expect(card.getByTestId("record-type")).toHaveText("TXT");
    const name = (await card.getByTestId("record-name").textContent()) ?? "";
    await say(customer, {
      en: `Add TXT ${name} at the domain's DNS provider`,
      "zh-CN": `在域名的 DNS 服务商处添加 TXT ${name}`,
    });
  },
};

export const hostedIssuedStep: DemoStep = {
  id: "hosted-issued",
  actor: "customer",
  caption: {
    en: "The hosted domain was validated automatically and issued, valid until the old expiry + 1 year",
    "zh-CN": "托管域名已自动验证并签发，有效期至原到期日后一年",
  },
  async run({ customer, i18n, state, say }) {
    const hosted = need(state.hosted, "hosted certificate");
    const renewalId = await openRenewalOf(customer, hosted, i18n);
    await expectIssuedUntil(customer, hosted, i18n);
    await expect(customer.getByTestId("renewal-chain").locator("li").filter({ hasText: renewalId })).toBeVisible();
    await expect(customer.getByTestId("renewal-chain").locator("li").filter({ hasText: hosted.id })).toBeVisible();
    state.hostedRenewalId = renewalId;
    await say(customer, {
      en: `Old certificate until ${hosted.expiresAt?.slice(0, 10)} → new one until ${renewedExpiryIso(hosted).slice(0, 10)}`,
      "zh-CN": `原证书有效期至 ${hosted.expiresAt?.slice(0, 10)} → 新证书有效期至 ${renewedExpiryIso(hosted).slice(0, 10)}`,
    });
  },
};

export const updateResourcesStep: DemoStep = {
  id: "update-cloud-resources",
  actor: "customer",
  caption: {
    en: "Update to cloud resources: move the load balancer, CDN and WAF onto the new certificate",
    "zh-CN": "更新到云资源：将负载均衡、CDN 和 WAF 切换到新证书",
  },
  async run({ customer, state, say }) {
    const hosted = need(state.hosted, "hosted certificate");
    await openCertificate(customer, need(state.hostedRenewalId, "hosted renewal"), hosted.domain);
    await expect(customer.getByTestId("update-resources-prompt")).toBeVisible();
    await customer.getByTestId("update-resources").click();
    const dialog = customer.getByTestId("update-resources-dialog");
    const options = dialog.getByTestId("resource-option");
    await expect(options.first()).toBeVisible();
    // Preselected: the resources still on the previous certificate.
    await expect(dialog.getByRole("checkbox", { checked: true })).toHaveCount(hosted.resourceCount);
    const names = await dialog
      .locator("[data-testid=resource-option]:has([role=checkbox][aria-checked=true])")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-resource-name") ?? ""));
    await dialog.getByTestId("update-resources-confirm").click();
    await expect(dialog.getByTestId("update-resources-summary")).toBeVisible();
    await expect(dialog.getByTestId("update-resources-result")).toHaveCount(hosted.resourceCount);
    await customer.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(customer.getByTestId("update-resources-prompt")).toBeHidden();
    const resources = customer.getByTestId("certificate-resources");
    for (const name of names) await expect(resources).toContainText(name);
    await say(customer, { en: `Updated: ${names.join(", ")}`, "zh-CN": `已更新：${names.join("、")}` });
  },
};

export const thirdPartyValidatedStep: DemoStep = {
  id: "third-party-validated",
  actor: "customer",
  caption: {
    en: "The customer adds the TXT record at their DNS provider; Verify now issues the certificate",
    "zh-CN": "客户在 DNS 服务商处添加 TXT 记录；点击“立即验证”即签发证书",
  },
  async run({ customer, dns, i18n, state, say }) {
    const thirdParty = need(state.thirdParty, "third-party certificate");
    await openRenewalOf(customer, thirdParty, i18n);
    const card = customer.getByTestId("validation-card");
    const name = ((await card.getByTestId("record-name").textContent()) ?? "").trim();
    const value = ((await card.getByTestId("record-value").textContent()) ?? "").trim();
    expect(name, "record name").not.toBe("");
    dns.addRecord({ name, type: "TXT", value });
    await say(customer, {
      en: `Demo DNS server now answers ${name} TXT "${value}"`,
      "zh-CN": `演示 DNS 服务器已添加 ${name} TXT "${value}"`,
    });
    await card.getByRole("button", { name: i18n.t("renewal.validation.verifyNow") }).click();
    await expectIssuedUntil(customer, thirdParty, i18n);
    await expect(customer.getByTestId("validation-card")).toBeHidden();
  },
};
