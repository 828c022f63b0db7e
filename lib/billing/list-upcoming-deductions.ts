import "server-only";
import { findPrice, listPrices } from "@/lib/billing/list-prices";
import { db } from "@/lib/db/client";
import { DEDUCT_DAYS_BEFORE_EXPIRY } from "@/lib/renewal/auto-renew-rules";
import type { FeeAccount, RenewalFeeCandidate } from "@/lib/renewal/plan-renewal-fees";
import { hasNoPaidRenewal } from "@/lib/renewal/renewal-under-way";
import { addDays } from "@/lib/time";

export type UpcomingFeeCandidate = RenewalFeeCandidate & { domain: string };

/** One owner's account and renewal fee candidates: the facts planRenewalFees decides on. */
export type UpcomingDeductions = { account: FeeAccount | undefined; candidates: UpcomingFeeCandidate[] };

/**
 * What this owner's renewal fees due by `until` will be decided on, at today's prices:
 * the account, and every certificate the job would claim by then (overdue ones
 * included: the next run takes them), in the job's order. Only planRenewalFees says
 * which of them are fees and which the balance covers.
 */
export async function listUpcomingDeductions(ownerId: string, until: Date): Promise<UpcomingDeductions> {
  const [account, certificates, prices] = await Promise.all([
    db.billingAccount.findUnique({ where: { ownerId }, select: { balanceMinor: true, currency: true } }),
    db.certificate.findMany({
      where: {
        ownerId,
        autoRenewState: "ON",
        status: "ISSUED",
        expiresAt: { lte: addDays(until, DEDUCT_DAYS_BEFORE_EXPIRY) },
        ...hasNoPaidRenewal,
      },
      select: {
        id: true,
        domain: true,
        brand: true,
        certificateType: true,
        domainType: true,
        validityYears: true,
        expiresAt: true,
      },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    }),
    listPrices(),
  ]);
  const candidates: UpcomingFeeCandidate[] = [];
  for (const certificate of certificates) {
    if (!certificate.expiresAt) continue;
    candidates.push({
      certificateId: certificate.id,
      domain: certificate.domain,
      expiresAt: certificate.expiresAt,
      validityYears: certificate.validityYears,
      price: findPrice(prices, certificate),
    });
  }
  return { account: account ?? undefined, candidates };
}
