import "server-only";
import { getAccountBalance } from "@/lib/billing/get-account-balance";
import { findPrice } from "@/lib/billing/list-prices";
import { listUpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import { db } from "@/lib/db/client";
import type { AutoRenewEndReason, AutoRenewState } from "@/lib/generated/prisma/enums";
import {
  autoRenewEligibilityFailures,
  type DeactivationRefusal,
  daysRemaining,
  deactivationRefusal,
  deductionTime,
  type EligibilityFailure,
  renewedExpiry,
} from "@/lib/renewal/auto-renew-rules";
import { loadRenewalFacts } from "@/lib/renewal/load-renewal-facts";
import { planRenewalFees } from "@/lib/renewal/plan-renewal-fees";

export type AutoRenewOffer = {
  certificate: {
    id: string;
    domain: string;
    alias: string | null;
    brand: string;
    expiresAt: string | null;
    daysRemaining: number | null;
    autoRenewState: AutoRenewState;
    autoRenewEndReason: AutoRenewEndReason | null;
    autoRenewChangedAt: string | null;
  };
  failures: EligibilityFailure[];
  deactivationRefusal: DeactivationRefusal | null;
  /** Today's price: a reference, the fee deducted is the price in force at deduction time. */
  fee: { amountMinor: number; currency: string } | null;
  deductAt: string | null;
  /** The deduction time has passed: the next job run deducts. */
  deductsAtNextRun: boolean;
  renewalValidUntil: string | null;
  balance: { amountMinor: number; currency: string };
  /** Other auto-renewal fees due no later than this one. */
  otherDueBeforeMinor: number;
  /**
   * How much the balance falls short of this fee plus those; 0 when the job would cover
   * this fee (it may, though an earlier, larger one does not fit).
   */
  shortfallMinor: number;
};

/** Everything the Activate Auto-Renewal dialog shows, from the same rules the action enforces. */
export async function getAutoRenewOffer(
  ownerId: string,
  certificateId: string,
  now: Date,
): Promise<AutoRenewOffer | null> {
  const loaded = await loadRenewalFacts(db, ownerId, certificateId);
  if (!loaded) return null;
  const { facts, prices } = loaded;
  const supported = prices.filter((price) => price.autoRenewSupported);
  const failures = autoRenewEligibilityFailures(facts, supported, now);
  const price = findPrice(prices, facts);
  const fee = price?.autoRenewSupported ? { amountMinor: price.priceMinor, currency: price.currency } : null;
  const deductAt = facts.expiresAt ? deductionTime(facts.expiresAt) : null;

  const balance = await getAccountBalance(ownerId);
  let otherDueBeforeMinor = 0;
  let shortfallMinor = 0;
  if (deductAt && fee && facts.expiresAt) {
    // This certificate's fee as the job would take it, among the others due no later.
    const upcoming = await listUpcomingDeductions(ownerId, { now, until: deductAt });
    const candidate = {
      certificateId: facts.id,
      expiresAt: facts.expiresAt,
      validityYears: facts.validityYears,
      price,
    };
    const plan = planRenewalFees({
      now,
      until: deductAt,
      account: upcoming.account,
      candidates: [...upcoming.candidates.filter((other) => other.certificateId !== facts.id), candidate],
    });
    const own = plan.fees.find((planned) => planned.candidate === candidate)?.outcome;
    const ownIsDue = own === "COVERED" || own === "INSUFFICIENT_BALANCE";
    otherDueBeforeMinor = plan.dueMinor - (ownIsDue ? fee.amountMinor : 0);
    shortfallMinor = own === "INSUFFICIENT_BALANCE" ? plan.missingMinor : 0;
  }
  return {
    certificate: {
      id: facts.id,
      domain: facts.domain,
      alias: facts.alias,
      brand: facts.brand,
      expiresAt: facts.expiresAt?.toISOString() ?? null,
      daysRemaining: facts.expiresAt ? daysRemaining(facts.expiresAt, now) : null,
      autoRenewState: facts.autoRenewState,
      autoRenewEndReason: facts.autoRenewEndReason,
      autoRenewChangedAt: facts.autoRenewChangedAt?.toISOString() ?? null,
    },
    failures,
    deactivationRefusal: deactivationRefusal(facts.autoRenewState, facts.renewalUnderWay),
    fee,
    deductAt: deductAt?.toISOString() ?? null,
    deductsAtNextRun: deductAt ? deductAt.getTime() <= now.getTime() : false,
    renewalValidUntil: facts.expiresAt ? renewedExpiry(facts.expiresAt).toISOString() : null,
    balance: { amountMinor: balance.balanceMinor, currency: balance.currency },
    otherDueBeforeMinor,
    shortfallMinor,
  };
}
