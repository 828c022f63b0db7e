import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { db } from "@/lib/db/client";
import { VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";
import { AppError } from "@/lib/errors";
import { isPendingStatus } from "@/lib/issuance/pending-statuses";
import { purchaseRefundKey } from "@/lib/orders/order-ledger-keys";
import { isOrganizationReviewStatus } from "@/lib/organization-review/organization-review-rules";
import { lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";
import { listValidationTargets } from "@/lib/validation/list-validation-targets";

export type CancelOrderResult = { orderId: string; refundedMinor: number; currency: string };

/**
 * "Cancel order" before issuance (for OV/EV, also while the organisation is reviewed or
 * after it was rejected): the certificate ends CANCELED, its order CANCELED, the
 * fee goes back to the balance through the ledger (once: the refund's idempotency key is
 * the order's), and the validation records CertDesk added to the owner's hosted zones are
 * removed. Refused once the certificate is issued (or otherwise no longer pending), and for
 * renewals, which have no order to cancel. One transaction with the certificate row locked,
 * the lock the issuer and the job's timeout take too.
 */
export async function cancelCertificateOrder(input: {
  ownerId: string;
  certificateId: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<CancelOrderResult> {
  const { ownerId, now } = input;
  return db.$transaction(async (tx) => {
    if (!(await lockOwnedCertificate(tx, ownerId, input.certificateId))) throw new AppError("NOT_FOUND");
    const certificate = await tx.certificate.findFirstOrThrow({
      where: { id: input.certificateId, ownerId },
      select: {
        id: true,
        status: true,
        domain: true,
        sans: true,
        validationMethod: true,
        validationRecordValue: true,
        order: { select: { id: true, status: true, priceMinor: true, currency: true } },
      },
    });
    const { order } = certificate;
    // OV/EV: before, under or after the organisation review, the order has not been issued either.
    const cancelable = isPendingStatus(certificate.status) || isOrganizationReviewStatus(certificate.status);
    if (order?.status !== "PAID" || !cancelable) {
      throw new AppError("ORDER_NOT_CANCELABLE");
    }
    const account = await tx.billingAccount.findUnique({ where: { ownerId }, select: { id: true } });
    if (!account) throw new AppError("NOT_FOUND");

    await tx.certificate.update({ where: { id: certificate.id }, data: { status: "CANCELED" } });
    const refunded = order.priceMinor > 0;
    await tx.certificateOrder.update({
      where: { id: order.id },
      data: { status: "CANCELED", endedAt: now, refundedAt: refunded ? now : null },
    });
    if (refunded) {
      await postLedgerEntry(tx, {
        accountId: account.id,
        kind: "REFUND",
        amountMinor: order.priceMinor,
        idempotencyKey: purchaseRefundKey(order.id),
        certificateId: certificate.id,
        certificateOrderId: order.id,
        actorId: input.actorId,
        note: "order canceled",
        now,
      });
    }
    let recordsRemoved = 0;
    if (certificate.validationRecordValue && certificate.validationMethod !== "FILE") {
      const targets = listValidationTargets({
        method: certificate.validationMethod ?? "DNS",
        domain: certificate.domain,
        sans: certificate.sans,
        token: certificate.validationRecordValue,
      });
      // Released, not deleted: the renewal job removes them from the DNS server, then the rows.
      const removed = await tx.dnsRecord.updateMany({
        where: {
          zone: { ownerId },
          type: VALIDATION_RECORD_TYPE,
          value: certificate.validationRecordValue,
          name: { in: targets.map((target) => (target.kind === "DNS" ? target.name : target.host)) },
          state: { in: ["PENDING", "PUBLISHED"] },
        },
        data: { state: "REMOVING", attempts: 0, lastError: null, nextAttemptAt: null },
      });
      recordsRemoved = removed.count;
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.order.cancel",
      targetType: "CertificateOrder",
      targetId: order.id,
      before: { status: "PAID", certificateStatus: certificate.status },
      after: {
        status: "CANCELED",
        certificateStatus: "CANCELED",
        certificateId: certificate.id,
        refundedMinor: order.priceMinor,
        currency: order.currency,
        validationRecordsRemoved: recordsRemoved,
      },
      ip: input.ip,
      at: now,
    });
    return { orderId: order.id, refundedMinor: order.priceMinor, currency: order.currency };
  });
}
