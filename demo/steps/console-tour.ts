// Steps 1–6: the customer signs in, looks at My Certificates, tries the Activate
// Auto-Renewal dialog on certificates that can and cannot be enrolled, sees the
// low-balance banner and tops up.

import { readBalance, readBalanceWarning, readCertificates, readHostedZones, readOffer } from "@/demo/demo-data";
import type { DemoStep } from "@/demo/demo-session";
import { expect } from "@/demo/expect";
import { ceilToMinute, findRow, openAutoRenewDialog, signIn, topUp } from "@/demo/steps/console-actions";
import { need } from "@/demo/story-state";
import type { EligibilityFailure } from "@/lib/renewal/auto-renew-rules";

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 20;

export const signInStep: DemoStep = {
  id: "sign-in",
  actor: "customer",
  caption: { en: "Sign in to the customer console", "zh-CN": "登录客户控制台" },
  async run({ customer, accounts, i18n, say }) {
    await signIn(customer, accounts.customer, i18n);
    await expect(customer.getByRole("heading", { level: 1, name: i18n.t("certificates.title") })).toBeVisible();
    await say(customer, {
      en: `Signed in as ${accounts.customer.email}`,
      "zh-CN": `已登录：${accounts.customer.email}`,
    });
  },
};

export const myCertificatesStep: DemoStep = {
  id: "my-certificates",
  actor: "customer",
  caption: {
    en: "My Certificates: every certificate, its expiry and auto-renewal",
    "zh-CN": "我的证书：到期时间与自动续费状态",
  },
  async run({ customer, databaseUrl, accounts, i18n, state, say }) {
    const zones = await readHostedZones(databaseUrl, accounts.customer.email);
    const certificates = await readCertificates(customer, zones);
    state.zones = zones;
    state.certificates = certificates;
    state.currency = (await readBalance(customer)).currency;

    await customer.goto("/certificates");
    const shown = Math.min(PAGE_SIZE, certificates.length);
    await expect(customer.getByTestId("certificate-row")).toHaveCount(shown);
    await expect(customer.getByTestId("pagination-summary")).toHaveText(
      i18n.t("common.pagination.summary", { from: 1, to: shown, total: certificates.length }),
    );

    // The certificate that renews by itself: auto-renewal on, DNS hosted with us, used by cloud
    // resources, and the next one of those to reach its deduction date.
    const hosted = certificates
      .filter(
        (row) =>
          row.hosted &&
          row.status === "ISSUED" &&
          row.autoRenewState === "ON" &&
          row.resourceCount > 0 &&
          (row.daysRemaining ?? 0) > 30,
      )
      .sort((a, b) => Date.parse(a.expiresAt ?? "") - Date.parse(b.expiresAt ?? ""))[0];
    state.hosted = need(hosted, "auto-renewing certificate on a hosted domain with cloud resources");
    state.clockTarget = ceilToMinute(
      new Date(Date.parse(need(state.hosted.expiresAt ?? undefined, "expiry")) - 30 * DAY_MS),
    );
    await say(customer, {
      en: `${certificates.length} certificates; DNS hosted with CertDesk for ${zones.join(", ")}`,
      "zh-CN": `共 ${certificates.length} 张证书；${zones.join("、")} 的 DNS 托管在 CertDesk`,
    });
  },
};

export const activateEligibleStep: DemoStep = {
  id: "activate-eligible",
  actor: "customer",
  caption: {
    en: "Activate Auto-Renewal on an eligible certificate: no charge now, the fee is deducted 30 days before expiry",
    "zh-CN": "为符合条件的证书开启自动续费：开启时不扣费，到期前 30 天从余额扣除",
  },
  async run({ customer, i18n, state, say }) {
    const { t, money } = i18n;
    const clockTarget = need(state.clockTarget, "clock target");
    // On a domain hosted elsewhere, so its renewal will need a TXT record from the customer;
    // due for deduction by the time the demo clock reaches its first stop.
    const candidates = need(state.certificates, "certificate list")
      .filter(
        (row) =>
          !row.hosted &&
          row.status === "ISSUED" &&
          row.source === "PURCHASED" &&
          row.autoRenewState === "OFF" &&
          row.expiresAt !== null &&
          Date.parse(row.expiresAt) - 30 * DAY_MS <= clockTarget.getTime() &&
          Date.parse(row.expiresAt) > clockTarget.getTime() + DAY_MS,
      )
      .sort((a, b) => Date.parse(a.expiresAt ?? "") - Date.parse(b.expiresAt ?? ""));
    let chosen: { row: (typeof candidates)[number]; fee: { amountMinor: number; currency: string } } | undefined;
    for (const row of candidates) {
      const offer = await readOffer(customer, row.id);
      if (offer.failures.length === 0 && offer.fee) {
        chosen = { row, fee: offer.fee };
        break;
      }
    }
    const { row: thirdParty, fee } = need(chosen, "eligible certificate on a third-party domain");
    state.thirdParty = thirdParty;

    const dialog = await openAutoRenewDialog(customer, thirdParty, i18n);
    await expect(dialog.getByTestId("auto-renew-eligibility")).toHaveText(t("autoRenew.eligible"));
    await expect(dialog.getByTestId("auto-renew-fee")).toHaveText(money(fee.amountMinor, fee.currency));
    await say(customer, {
      en: `${thirdParty.domain} (${thirdParty.brand} ${thirdParty.certificateType}): reference fee ${money(fee.amountMinor, fee.currency)}`,
      "zh-CN": `${thirdParty.domain}（${thirdParty.brand} ${thirdParty.certificateType}）：参考价 ${money(fee.amountMinor, fee.currency)}`,
    });
    await dialog.getByRole("button", { name: t("autoRenew.confirm"), exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(customer.getByText(t("autoRenew.enabled", { domain: thirdParty.domain }))).toBeVisible();
    const row = await findRow(customer, thirdParty);
    await expect(row.getByTestId("auto-renew-badge")).toHaveText(t("certificates.autoRenewState.ON"));
  },
};

// Failures the story can show from a certificate's row (uploaded ones have no button there).
const SHOWN_FAILURES: readonly EligibilityFailure[] = [
  "TOO_LATE",
  "EXPIRED",
  "NOT_PAID",
  "BRAND_NOT_SUPPORTED",
  "TYPE_NOT_SUPPORTED",
  "DOMAIN_TYPE_NOT_SUPPORTED",
  "NOT_ONE_YEAR",
];

export const ineligibleReasonsStep: DemoStep = {
  id: "ineligible-reasons",
  actor: "customer",
  caption: {
    en: "Certificates that cannot be enrolled: the dialog says exactly which rule fails",
    "zh-CN": "不符合条件的证书：对话框说明具体原因",
  },
  async run({ customer, i18n, state, say, snap }) {
    const { t } = i18n;
    const rows = need(state.certificates, "certificate list").filter(
      (row) => row.source !== "UPLOADED" && row.autoRenewState !== "ON",
    );
    const offers = await Promise.all(rows.map(async (row) => ({ row, offer: await readOffer(customer, row.id) })));
    // One certificate per reason, the one failing the fewest rules besides it.
    const examples = SHOWN_FAILURES.flatMap((failure) => {
      const example = offers
        .filter(({ offer }) => offer.failures.includes(failure))
        .sort((a, b) => a.offer.failures.length - b.offer.failures.length)[0];
      return example ? [{ failure, row: example.row }] : [];
    });
    if (examples.length < 4) {
      throw new Error(
        `The demo data shows only ${examples.length} reasons for refusing auto-renewal; expected 4 or more.`,
      );
    }
    for (const { failure, row } of examples) {
      const dialog = await openAutoRenewDialog(customer, row, i18n);
      const eligibility = dialog.getByTestId("auto-renew-eligibility");
      await expect(eligibility).toContainText(t("autoRenew.notEligible"));
      await expect(eligibility.locator(`[data-failure="${failure}"]`)).toHaveText(t(`autoRenew.failure.${failure}`));
      await expect(dialog.getByRole("button", { name: t("autoRenew.confirm"), exact: true })).toBeDisabled();
      await say(customer, {
        en: `${row.domain}: ${t(`autoRenew.failure.${failure}`)}`,
        "zh-CN": `${row.domain}：${t(`autoRenew.failure.${failure}`)}`,
      });
      await snap(customer, `ineligible-${failure}`);
      await customer.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
    }
  },
};

export const lowBalanceBannerStep: DemoStep = {
  id: "low-balance-banner",
  actor: "customer",
  caption: {
    en: "The low-balance banner: fees due in the next 30 days exceed the balance",
    "zh-CN": "余额不足提醒：未来 30 天的续费费用超过余额",
  },
  async run({ customer, i18n, state, say }) {
    const { t, money } = i18n;
    const warning = need((await readBalanceWarning(customer)) ?? undefined, "balance warning");
    const thirdParty = need(state.thirdParty, "third-party certificate");
    await customer.goto("/certificates");
    const banner = customer.getByTestId("balance-warning");
    await expect(banner).toContainText(
      t("header.balanceWarning.title", {
        due: money(warning.dueMinor, warning.currency),
        balance: money(warning.balanceMinor, warning.currency),
        missing: money(warning.missingMinor, warning.currency),
      }),
    );
    expect(
      warning.atRisk.map((deduction) => deduction.domain),
      "the certificate just enrolled is at risk",
    ).toContain(thirdParty.domain);
    const row = await findRow(customer, thirdParty);
    await expect(row).toHaveAttribute("data-at-risk", "true");
    await say(customer, {
      en: `${warning.atRisk.length} renewals at risk: ${warning.atRisk.map((deduction) => deduction.domain).join(", ")}`,
      "zh-CN": `${warning.atRisk.length} 个续费有风险：${warning.atRisk.map((deduction) => deduction.domain).join("、")}`,
    });
  },
};

export const topUpStep: DemoStep = {
  id: "top-up",
  actor: "customer",
  caption: {
    en: "Top up the balance in Billing (demo payment), exactly the amount missing",
    "zh-CN": "在费用中心充值（演示支付），补足缺少的金额",
  },
  async run({ customer, i18n, state, say }) {
    const warning = need((await readBalanceWarning(customer)) ?? undefined, "balance warning");
    await say(customer, {
      en: `Top up ${i18n.money(warning.missingMinor, warning.currency)}`,
      "zh-CN": `充值 ${i18n.money(warning.missingMinor, warning.currency)}`,
    });
    await topUp(customer, warning.missingMinor, warning.currency, i18n);
    await expect(customer.getByTestId("balance-warning")).toBeHidden();
    state.currency = warning.currency;
  },
};
