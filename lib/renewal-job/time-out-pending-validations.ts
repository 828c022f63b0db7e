import "server-only";
import { sql } from "kysely";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { type DbTransaction, db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import type { CertificateStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { purchaseRefundKey } from "@/lib/orders/order-ledger-keys";

export type TimeoutStepResult = {
  timedOut: number;
  refunded: number;
  errors: { certificateId: string; message: string }[];
};

/**
 * Step 4: a pending certificate not validated within 7 days cannot be issued. It ends
 * "validation timed out", its fee goes back to the balance through a ledger entry
 * (once: the refund's idempotency key is the order), and the customer is told. For a
 * renewal, the old certificate's auto-renewal ends with that reason; a purchase's order
 * ends TIMED_OUT; a reissue (nothing paid) leaves the certificate it replaces as it was.
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
        // Every writer of a pending certificate locks its row first (the issuer's update,
        // "Cancel order"), so with the row held the orders below are as they will stay.
        return { refundedMinor: await timeOut(tx, expired, now) };
      });
      if (!row) return result;
      result.timedOut += 1;
      if (row.refundedMinor > 0) result.refunded += 1;
    } catch (error) {
      if (!claimedId) throw error;
      logger.error({ err: error, certificateId: claimedId }, "timing out a renewal failed");
      skip.push(claimedId);
      result.errors.push({ certificateId: claimedId, message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/**
 * The pending certificate (a renewal or a new purchase) whose validation deadline passed
 * first, its row locked; one another run holds is passed over. Every writer of a pending
 * certificate locks this row first (the issuer's update, "Cancel order"), so its orders,
 * read next, stay as they are until the transaction ends.
 */
function claimExpired(tx: DbTransaction, now: Date, skip: string[]) {
  return queryRows(
    tx,
    sqlBuilder
      .selectFrom("Certificate as c")
      .innerJoin("BillingAccount as a", "a.ownerId", "c.ownerId")
      .select(["c.id", "c.ownerId", "c.domain", "c.renewsId", "c.reissuesId", "a.id as accountId"])
      .where("c.status", "in", [
        sql.lit<CertificateStatus>("PENDING_VALIDATION"),
        sql.lit<CertificateStatus>("DNS_RECORD_ADDED"),
      ])
      .where("c.validatedAt", "is", null)
      .where("c.validationDeadline", "<=", now)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom("RenewalOrder as o")
              .select(sql.lit(1).as("one"))
              .whereRef("o.newCertificateId", "=", "c.id")
              .where("o.status", "=", sql.lit("PENDING_VALIDATION")),
          ),
          eb.exists(
            eb
              .selectFrom("CertificateOrder as p")
              .select(sql.lit(1).as("one"))
              .whereRef("p.certificateId", "=", "c.id")
              .where("p.status", "=", sql.lit("PAID")),
          ),
          // A reissue: nothing was paid, and the certificate it replaces stays as it is.
          eb("c.reissuesId", "is not", null),
        ]),
      )
      .where((eb) => eb.not(eb("c.id", "=", sql<string>`ANY(${skip}::text[])`)))
      .orderBy("c.validationDeadline")
      .orderBy("c.id")
      .limit(sql.lit(1))
      .forUpdate(["c"])
      .skipLocked(),
  );
}

type Expired = Awaited<ReturnType<typeof claimExpired>>[number];
type OrderRow = { id: string; priceMinor: number; currency: string };

/** Ends one expired pending certificate and its order; returns the fee refunded. */
async function timeOut(tx: DbTransaction, row: Expired, now: Date): Promise<number> {
  const [renewalOrder] = await queryRows(
    tx,
    sqlBuilder
      .selectFrom("RenewalOrder")
      .select(["id", "priceMinor", "currency"])
      .where("newCertificateId", "=", row.id)
      .where("status", "=", sql.lit("PENDING_VALIDATION"))
      .forUpdate(),
  );
  const [purchase] = renewalOrder
    ? []
    : await queryRows(
        tx,
        sqlBuilder
          .selectFrom("CertificateOrder")
          .select(["id", "priceMinor", "currency"])
          .where("certificateId", "=", row.id)
          .where("status", "=", sql.lit("PAID"))
          .forUpdate(),
      );
  await tx.certificate.update({ where: { id: row.id }, data: { status: "VALIDATION_FAILED" } });
  if (renewalOrder) return timeOutRenewal(tx, row, renewalOrder, now);
  if (purchase) return timeOutPurchase(tx, row, purchase, now);
  if (row.reissuesId) {
    // Nothing to refund; the customer is told the reissue ended and the old certificate stays.
    await tx.notification.createMany({
      data: [
        {
          ownerId: row.ownerId,
          kind: "REISSUE_TIMED_OUT",
          certificateId: row.id,
          dedupeKey: `timed-out:${row.id}`,
          params: { domain: row.domain, certificateId: row.id, replacedCertificateId: row.reissuesId },
          emailStatus: "PENDING",
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: "certificate.reissue.timeout",
        targetType: "Certificate",
        targetId: row.id,
        before: { status: "PENDING_VALIDATION" },
        after: { status: "VALIDATION_FAILED", replacedCertificateId: row.reissuesId },
        createdAt: now,
      },
    });
  }
  return 0;
}

async function timeOutRenewal(tx: DbTransaction, row: Expired, order: OrderRow, now: Date): Promise<number> {
  await tx.renewalOrder.update({ where: { id: order.id }, data: { status: "TIMED_OUT", endedAt: now } });
  if (order.priceMinor > 0) {
    await postLedgerEntry(tx, {
      accountId: row.accountId,
      kind: "REFUND",
      amountMinor: order.priceMinor,
      idempotencyKey: `refund:${order.id}`,
      certificateId: row.renewsId,
      renewalOrderId: order.id,
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
          refundMinor: order.priceMinor,
          currency: order.currency,
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
      after: { status: "VALIDATION_FAILED", refundedMinor: order.priceMinor, orderId: order.id },
      createdAt: now,
    },
  });
  return order.priceMinor;
}

async function timeOutPurchase(tx: DbTransaction, row: Expired, order: OrderRow, now: Date): Promise<number> {
  const refunded = order.priceMinor > 0;
  await tx.certificateOrder.update({
    where: { id: order.id },
    data: { status: "TIMED_OUT", endedAt: now, refundedAt: refunded ? now : null },
  });
  if (refunded) {
    await postLedgerEntry(tx, {
      accountId: row.accountId,
      kind: "REFUND",
      amountMinor: order.priceMinor,
      idempotencyKey: purchaseRefundKey(order.id),
      certificateId: row.id,
      certificateOrderId: order.id,
      note: "validation timed out",
      now,
    });
  }
  await tx.notification.createMany({
    data: [
      {
        ownerId: row.ownerId,
        kind: "ORDER_TIMED_OUT",
        certificateId: row.id,
        dedupeKey: `timed-out:${row.id}`,
        params: { domain: row.domain, certificateId: row.id, refundMinor: order.priceMinor, currency: order.currency },
        emailStatus: "PENDING",
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
  await tx.auditLog.create({
    data: {
      actorId: null,
      action: "certificate.order.timeout",
      targetType: "CertificateOrder",
      targetId: order.id,
      before: { status: "PAID", certificateStatus: "PENDING_VALIDATION" },
      after: {
        status: "TIMED_OUT",
        certificateStatus: "VALIDATION_FAILED",
        refundedMinor: order.priceMinor,
        certificateId: row.id,
      },
      createdAt: now,
    },
  });
  return order.priceMinor;
}
