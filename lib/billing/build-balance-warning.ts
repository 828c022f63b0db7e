// The console's low-balance warning, pure: the renewal fees due within the window
// that the balance will not cover, as planRenewalFees decides them.

import type { UpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import { planRenewalFees } from "@/lib/renewal/plan-renewal-fees";

export type AtRiskDeduction = {
  certificateId: string;
  domain: string;
  deductAt: Date;
  feeMinor: number;
  currency: string;
};

export type BalanceWarning = {
  /** Sum of the fees due within the window. */
  dueMinor: number;
  balanceMinor: number;
  /** How much to top up so every fee in the window is covered. */
  missingMinor: number;
  currency: string;
  /** The fees the balance will not cover, in the order the job takes them. */
  atRisk: AtRiskDeduction[];
};

/** Null while the balance covers every fee due by `until`. */
export function buildBalanceWarning(upcoming: UpcomingDeductions, now: Date, until: Date): BalanceWarning | null {
  const plan = planRenewalFees({ now, until, ...upcoming });
  if (plan.uncoveredCount === 0) return null;
  return {
    dueMinor: plan.dueMinor,
    balanceMinor: upcoming.account?.balanceMinor ?? 0,
    missingMinor: plan.missingMinor,
    currency: upcoming.account?.currency ?? "USD",
    atRisk: plan.due
      .filter((fee) => fee.outcome === "INSUFFICIENT_BALANCE")
      .map((fee) => ({
        certificateId: fee.candidate.certificateId,
        domain: fee.candidate.domain,
        deductAt: fee.deductAt,
        feeMinor: fee.feeMinor,
        currency: fee.currency,
      })),
  };
}
