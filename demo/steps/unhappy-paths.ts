// Steps 14–20: a fee the balance cannot cover ends auto-renewal (nothing is charged), the
// customer renews by hand, never adds the TXT record, and after 7 days the renewal times
// out and its fee comes back to the balance.

import { readBalance, readCertificates, readOffer } from "@/demo/demo-data";
import type { DemoStep } from "@/demo/demo-session";
import { expect } from "@/demo/expect";
import {
  balanceOnBillingPage,
  findRow,
  openAutoRenewDialog,
  openCertificate,
  runRenewalJob,
  setDemoClock,
  topUp,
} from "@/demo/steps/console-actions";
import { need } from "@/demo/story-state";
import type { ManualRenewalOffer } from "@/lib/renewal/get-manual-renewal-offer";

const DAY_MS = 24 * 60 * 60 * 1000;
// The deadline is 7 days after the renewal was created, a little after the clock's first stop.
const TIMEOUT_JUMP_MS = 7 * DAY_MS + 60 * 60 * 1000;

export const enrolShortOfFundsStep: DemoStep = {
  id: "enrol-short-of-funds",
  actor: "customer",
  caption: {
    en: "Enrol another certificate although the balance will not cover its fee (the dialog warns)",
    "zh-CN": "余额不足以支付费用时仍开启另一张证书的自动续费（对话框会提示）",
  },
  async run({ customer, i18n, state, say }) {
    const { t, money } = i18n;
    const certificates = await readCertificates(customer, need(state.zones, "hosted zones"));
    const { balanceMinor } = await readBalance(customer);
    const candidates = certificates
      .filter(
        (row) =>
          row.status === "ISSUED" &&
          row.source === "PURCHASED" &&
          row.autoRenewState === "OFF" &&
          row.renewalId === null &&
          !row.hosted,
      )
      .sort((a, b) => Date.parse(a.expiresAt ?? "") - Date.parse(b.expiresAt ?? ""));
    let chosen: (typeof candidates)[number] | undefined;
    for (const row of candidates) {
      const offer = await readOffer(customer, row.id);
      if (offer.failures.length === 0 && offer.deductsAtNextRun && offer.fee && offer.fee.amountMinor > balanceMinor) {
        chosen = row;
        break;
      }
    }
    const short = need(chosen, "eligible certificate, due now, whose fee exceeds the balance");
    state.shortOfFunds = short;

    const dialog = await openAutoRenewDialog(customer, short, i18n);
    await expect(dialog.getByTestId("auto-renew-eligibility")).toHaveText(t("autoRenew.eligible"));
    await expect(dialog.getByTestId("auto-renew-shortfall")).toBeVisible();
    await expect(dialog.getByTestId("auto-renew-balance")).toHaveText(
      money(balanceMinor, need(state.currency, "currency")),
    );
    await say(customer, {
      en: `${short.domain}: fee ${await dialog.getByTestId("auto-renew-fee").textContent()}, balance ${money(balanceMinor, need(state.currency, "currency"))}`,
      "zh-CN": `${short.domain}：费用 ${await dialog.getByTestId("auto-renew-fee").textContent()}，余额 ${money(balanceMinor, need(state.currency, "currency"))}`,
    });
    await dialog.getByRole("button", { name: t("autoRenew.confirm"), exact: true }).click();
    await expect(dialog).toBeHidden();
    const row = await findRow(customer, short);
    await expect(row.getByTestId("auto-renew-badge")).toHaveText(t("certificates.autoRenewState.ON"));
    state.balanceBeforeRunMinor = balanceMinor;
  },
};

export const failedDeductionRunStep: DemoStep = {
  id: "run-job-insufficient",
  actor: "admin",
  caption: {
    en: "Run the job again: the balance does not cover the fee, so auto-renewal is terminated",
    "zh-CN": "再次运行任务：余额不足，自动续费被终止",
  },
  async run({ admin, i18n }) {
    await runRenewalJob(admin, { deducted: 0, terminatedInsufficientBalance: 1 }, i18n);
  },
};

export const terminatedStep: DemoStep = {
  id: "auto-renewal-terminated",
  actor: "customer",
  caption: {
    en: "Auto-renewal terminated (insufficient balance); nothing was charged",
    "zh-CN": "自动续费已终止（余额不足）；未扣任何费用",
  },
  async run({ customer, i18n, state }) {
    const { t } = i18n;
    const short = need(state.shortOfFunds, "certificate short of funds");
    expect((await readBalance(customer)).balanceMinor, "no partial charge").toBe(
      need(state.balanceBeforeRunMinor, "balance before the run"),
    );
    await openCertificate(customer, short.id, short.domain);
    const card = customer.getByTestId("auto-renew-card");
    await expect(card.getByTestId("auto-renew-badge")).toContainText(t("certificates.autoRenewState.TERMINATED"));
    await expect(card.getByTestId("auto-renew-reason")).toContainText(t("certificates.endReason.INSUFFICIENT_BALANCE"));
  },
};

export const renewManuallyStep: DemoStep = {
  id: "renew-manually",
  actor: "customer",
  caption: {
    en: "Top up the fee and renew manually: the renewal waits for its TXT record",
    "zh-CN": "充值后手动续费：续费证书等待 TXT 验证记录",
  },
  async run({ customer, i18n, state, say }) {
    const { t, money } = i18n;
    const short = need(state.shortOfFunds, "certificate short of funds");
    const currency = need(state.currency, "currency");
    const response = await customer.request.get(`/api/certificates/${short.id}/manual-renewal-offer`);
    expect(response.ok(), "manual renewal offer").toBe(true);
    const offer = (await response.json()) as ManualRenewalOffer;
    const fee = need(offer.fee ?? undefined, "manual renewal fee");
    const { balanceMinor } = await readBalance(customer);
    if (fee.amountMinor > balanceMinor) await topUp(customer, fee.amountMinor - balanceMinor, currency, i18n);

    await openCertificate(customer, short.id, short.domain);
    await customer.getByTestId("renew-now").click();
    const dialog = customer.getByTestId("manual-renew-dialog");
    await expect(dialog.getByTestId("manual-renew-eligibility")).toHaveText(t("renewal.canRenew"));
    await expect(dialog.getByTestId("manual-renew-fee")).toHaveText(money(fee.amountMinor, fee.currency));
    await dialog
      .getByRole("button", { name: t("renewal.confirm", { fee: money(fee.amountMinor, fee.currency) }) })
      .click();
    await expect(dialog).toBeHidden();
    await expect(customer).not.toHaveURL(new RegExp(`/certificates/${short.id}$`));
    await expect(customer.getByTestId("status-badge").first()).toHaveText(t("certificates.status.PENDING_VALIDATION"));
    await expect(customer.getByTestId("validation-card")).toBeVisible();
    state.manualRenewalId = new URL(customer.url()).pathname.split("/").at(-1);
    state.manualFeeMinor = fee.amountMinor;
    await say(customer, {
      en: `Paid ${money(fee.amountMinor, fee.currency)}; the renewal has 7 days to be validated`,
      "zh-CN": `已支付 ${money(fee.amountMinor, fee.currency)}；续费证书须在 7 天内完成验证`,
    });
  },
};

export const sevenDaysLaterStep: DemoStep = {
  id: "seven-days-later",
  actor: "admin",
  caption: {
    en: "Seven days later, the TXT record was never added: the job times the renewal out",
    "zh-CN": "7 天后仍未添加 TXT 记录：任务将该续费判定为验证超时",
  },
  async run({ admin, i18n, state }) {
    const target = new Date(need(state.clockTarget, "clock target").getTime() + TIMEOUT_JUMP_MS);
    await setDemoClock(admin, target, i18n);
    await runRenewalJob(admin, { timedOut: 1, refunded: 1, deducted: 0 }, i18n);
  },
};

export const refundedStep: DemoStep = {
  id: "timed-out-refunded",
  actor: "customer",
  caption: {
    en: "Validation timed out: the renewal is cancelled and its fee refunded to the balance",
    "zh-CN": "验证超时：续费已取消，费用退回余额",
  },
  async run({ customer, i18n, state, say }) {
    const { t, money } = i18n;
    const short = need(state.shortOfFunds, "certificate short of funds");
    const fee = need(state.manualFeeMinor, "manual renewal fee");
    const currency = need(state.currency, "currency");
    await openCertificate(customer, need(state.manualRenewalId, "manual renewal"), short.domain);
    await expect(customer.getByTestId("validation-timed-out")).toHaveText(t("renewal.validation.timedOut"));
    await expect(customer.getByTestId("status-badge").first()).toHaveText(t("certificates.status.VALIDATION_FAILED"));
    const balance = await balanceOnBillingPage(customer);
    const newest = customer.getByTestId("ledger-table").locator("tbody tr").first();
    await expect(newest).toHaveAttribute("data-kind", "REFUND");
    await expect(newest).toContainText(money(fee, currency));
    await say(customer, {
      en: `${money(fee, currency)} refunded; balance ${money(balance, currency)}`,
      "zh-CN": `已退款 ${money(fee, currency)}；余额 ${money(balance, currency)}`,
    });
  },
};
