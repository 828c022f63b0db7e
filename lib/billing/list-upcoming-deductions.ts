import "server-only";
import { sql } from "kysely";
import { findPrice, listPrices } from "@/lib/billing/list-prices";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { DEDUCT_DAYS_BEFORE_EXPIRY } from "@/lib/renewal/auto-renew-rules";
import type { FeeAccount, RenewalFeeCandidate } from "@/lib/renewal/plan-renewal-fees";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";
import { addDays } from "@/lib/time";

export type UpcomingFeeCandidate = RenewalFeeCandidate & { domain: string };

/** One owner's account and renewal fee candidates: the facts planRenewalFees decides on. */
export type UpcomingDeductions = { account: FeeAccount | undefined; candidates: UpcomingFeeCandidate[] };

/**
 * What this owner's renewal fees due between `now` and `until` will be decided on, at
 * today's prices: the account, and every certificate the job would claim by then
 * (overdue ones included: the next run takes them), in the job's order. Only
 * planRenewalFees says which of them are fees and which the balance covers. A certificate
 * already expired is left out: it can be no fee (the job ends its auto-renewal), and every
 * console page's balance warning reads these, so an account's expired certificates must
 * not make each page slower.
 */
export async function listUpcomingDeductions(
  ownerId: string,
  window: { now: Date; until: Date },
): Promise<UpcomingDeductions> {
  const [account, certificates, prices] = await Promise.all([
    db.billingAccount.findUnique({ where: { ownerId }, select: { balanceMinor: true, currency: true } }),
    listCandidateCertificates(ownerId, window.now, addDays(window.until, DEDUCT_DAYS_BEFORE_EXPIRY)),
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

/**
 * The owner's auto-renewing issued certificates expiring after `now` and by `expiringBy` with no paid
 * renewal, in the job's order. Every console page's balance warning reads them, hundreds
 * of rows for a large account: one statement whose rows arrive as plain objects, rather
 * than a Prisma model query that builds each row through its result mapping.
 */
function listCandidateCertificates(ownerId: string, now: Date, expiringBy: Date) {
  return queryRows(
    db,
    sqlBuilder
      .selectFrom("Certificate as c")
      .select(["c.id", "c.domain", "c.brand", "c.certificateType", "c.domainType", "c.validityYears", "c.expiresAt"])
      .where("c.ownerId", "=", ownerId)
      .where("c.autoRenewState", "=", "ON")
      .where("c.status", "=", "ISSUED")
      .where("c.expiresAt", ">", now)
      .where("c.expiresAt", "<=", expiringBy)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("RenewalOrder as o")
              .select(sql.lit(1).as("paid"))
              .whereRef("o.certificateId", "=", "c.id")
              .where(sql<boolean>`${sql.ref("o.status")}::text = ANY(${[...PAID_RENEWAL_STATUSES]}::text[])`),
          ),
        ),
      )
      .orderBy("c.expiresAt", "asc")
      .orderBy("c.id", "asc"),
  );
}
