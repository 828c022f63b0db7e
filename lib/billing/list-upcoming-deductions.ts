import "server-only";
import { selectFeeCandidateCertificates } from "@/lib/billing/fee-candidate-certificates";
import { findPrice, listPrices } from "@/lib/billing/list-prices";
import { readFeeAccount } from "@/lib/billing/read-fee-account";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/typed-sql";
import type { FeeAccount, RenewalFeeCandidate } from "@/lib/renewal/plan-renewal-fees";

export type UpcomingFeeCandidate = RenewalFeeCandidate & { domain: string };

/** One owner's account and renewal fee candidates: the facts planRenewalFees decides on. */
export type UpcomingDeductions = { account: FeeAccount | undefined; candidates: UpcomingFeeCandidate[] };

/**
 * What this owner's renewal fees due between `now` and `until` will be decided on, at
 * today's prices: the account, and every certificate the job would claim by then
 * (overdue ones included: the next run takes them), in the job's order. Only
 * planRenewalFees says which of them are fees and which the balance covers (which
 * certificates count: selectFeeCandidateCertificates).
 */
export async function listUpcomingDeductions(
  ownerId: string,
  window: { now: Date; until: Date },
): Promise<UpcomingDeductions> {
  const [account, certificates, prices] = await Promise.all([
    readFeeAccount(ownerId),
    listCandidateCertificates(ownerId, window),
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
  return { account, candidates };
}

/**
 * The candidates' rows in the job's order. Every console page's balance warning may read
 * them, hundreds of rows for a large account: one statement whose rows arrive as plain
 * objects, rather than a Prisma model query that builds each row through its result mapping.
 */
function listCandidateCertificates(ownerId: string, window: { now: Date; until: Date }) {
  return queryRows(
    db,
    selectFeeCandidateCertificates(ownerId, window)
      .select(["c.id", "c.domain", "c.brand", "c.certificateType", "c.domainType", "c.validityYears", "c.expiresAt"])
      .orderBy("c.expiresAt", "asc")
      .orderBy("c.id", "asc"),
  );
}
