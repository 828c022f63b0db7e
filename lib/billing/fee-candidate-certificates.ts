import "server-only";
import { sql } from "kysely";
import { sqlBuilder } from "@/lib/db/typed-sql";
import { DEDUCT_DAYS_BEFORE_EXPIRY } from "@/lib/renewal/auto-renew-rules";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";
import { addDays } from "@/lib/time";

/**
 * The owner's certificates the job would claim for a fee due between `now` and `until`
 * (overdue ones included: the next run takes them), as `Certificate as c` to select from:
 * auto-renewing, issued, with no paid renewal, expiring after `now` and by the window's
 * end plus the days the fee is taken before expiry. An expired one is left out: it can be
 * no fee (the job ends its auto-renewal), and every console page's balance warning reads
 * these, so an account's expired certificates must not make each page slower. The rows
 * and the grouped read both start here, so they cannot disagree on which certificates
 * count.
 */
export function selectFeeCandidateCertificates(ownerId: string, window: { now: Date; until: Date }) {
  return sqlBuilder
    .selectFrom("Certificate as c")
    .where("c.ownerId", "=", ownerId)
    .where("c.autoRenewState", "=", "ON")
    .where("c.status", "=", "ISSUED")
    .where("c.expiresAt", ">", window.now)
    .where("c.expiresAt", "<=", addDays(window.until, DEDUCT_DAYS_BEFORE_EXPIRY))
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
    );
}
