import "server-only";
import { sql } from "kysely";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { type DbTransaction, db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import type { CertificateStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";

export type TimeoutStepResult = {
  timedOut: number;
  refunded: number;
  errors: { certificateId: string; message: string }[];
};

/**
 * Step 4: a renewal not validated within 7 days cannot be issued. It ends
 * "validation timed out", its fee goes back to the balance through a ledger entry
 * (once: the refund's idempotency key is the order), the old certificate's
 * auto-renewal ends with that reason, and the customer is told.
 */
export async function timeOutPendingValidations(options: { now: Date }): Promise<TimeoutStepResult> {
  const { now } = options;
  const result: TimeoutStepResult = { timedOut: 0, refunded: 0, errors: [] };
  const skip: string[] = [];
  // One renewal per transaction: timeouts are few, and a failure stays with its own row.
  for (;;) {
    let claimedId: string | undefined;
    try {
      const row = await db.$transaction(async (tx) => {
        const [expired] = await claimExpired(tx, now, skip);
        if (!expired) return null;
        claimedId = expired.id;
        await timeOut(tx, expired, now);
        return expired;
      });
      if (!row) return result;
      result.timedOut += 1;
      if (row.priceMinor > 0) result.refunded += 1;
    } catch (error) {
      if (!claimedId) throw error;
      logger.error({ err: error, certificateId: claimedId }, "timing out a renewal failed");
      skip.push(claimedId);
      result.errors.push({ certificateId: claimedId, message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** The renewal whose validation deadline passed first, locked with its order; one another run holds is passed over. */
function claimExpired(tx: DbTransaction, now: Date, skip: string[]) {
  return queryRows(
    tx,
    sqlBuilder
      .selectFrom("Certificate as c")
      .innerJoin("RenewalOrder as o", "o.newCertificateId", "c.id")
      .innerJoin("BillingAccount as a", "a.ownerId", "c.ownerId")
      .select(["c.id", "c.ownerId", "c.domain", "c.renewsId", "o.id as orderId", "o.priceMinor", "a.id as accountId"])
      .where("c.status", "in", [
        sql.lit<CertificateStatus>("PENDING_VALIDATION"),
        sql.lit<CertificateStatus>("DNS_RECORD_ADDED"),
      ])
      .where("c.validatedAt", "is", null)
      .where("c.validationDeadline", "<=", now)
      .where("o.status", "=", sql.lit("PENDING_VALIDATION"))
      .where((eb) => eb.not(eb("c.id", "=", sql<string>`ANY(${skip}::text[])`)))
      .orderBy("c.validationDeadline")
      .orderBy("c.id")
      .limit(sql.lit(1))
      .forUpdate(["c", "o"])
      .skipLocked(),
  );
}

type Expired = Awaited<ReturnType<typeof claimExpired>>[number];

async function timeOut(tx: DbTransaction, row: Expired, now: Date): Promise<void> {
  await tx.certificate.update({ where: { id: row.id }, data: { status: "VALIDATION_FAILED" } });
  await tx.renewalOrder.update({ where: { id: row.orderId }, data: { status: "TIMED_OUT", endedAt: now } });
  if (row.priceMinor > 0) {
    await postLedgerEntry(tx, {
      accountId: row.accountId,
      kind: "REFUND",
      amountMinor: row.priceMinor,
      idempotencyKey: `refund:${row.orderId}`,
      certificateId: row.renewsId,
      renewalOrderId: row.orderId,
      note: "validation timed out",
      now,
    });
  }
  if (row.renewsId) {
    await tx.certificate.updateMany({
      where: { id: row.renewsId, autoRenewState: "ON" },
      data: { autoRenewState: "TERMINATED", autoRenewEndReason: "VALIDATION_TIMED_OUT", autoRenewChangedAt: now },
    });
  }
  await tx.notification.createMany({
    data: [
      {
        ownerId: row.ownerId,
        kind: "VALIDATION_TIMED_OUT",
        certificateId: row.id,
        dedupeKey: `timed-out:${row.id}`,
        params: {
          domain: row.domain,
          certificateId: row.id,
          previousCertificateId: row.renewsId,
          refundMinor: row.priceMinor,
        },
        emailStatus: "PENDING",
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  await tx.auditLog.create({
    data: {
      actorId: null,
      action: "renewal.timeout",
      targetType: "Certificate",
      targetId: row.id,
      before: { status: "PENDING_VALIDATION" },
      after: { status: "VALIDATION_FAILED", refundedMinor: row.priceMinor, orderId: row.orderId },
      createdAt: now,
    },
  });
}
