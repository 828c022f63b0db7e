import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CertificateStatus } from "@/lib/generated/prisma/enums";
import { certificateOrderInput } from "@/lib/orders/certificate-order-input";
import { type PlaceOrderOutcome, placeCertificateOrder } from "@/lib/orders/place-certificate-order";

export type OrderCertificateDraftInput = {
  ownerId: string;
  actorId: string;
  ip: string | null;
  certificateId: string;
  /** Replaces the submitted validation method (CertificateOrderSubmit's VerifyType). */
  validationMethod?: "DNS" | "FILE";
  now: Date;
};

export type OrderCertificateDraftOutcome =
  | (Extract<PlaceOrderOutcome, { status: "placed" }> & { certificateStatus: CertificateStatus })
  | Extract<PlaceOrderOutcome, { status: "rejected" }>
  | { status: "not-submitted" };

const submittedRequest = certificateOrderInput.pick({
  names: true,
  domainCount: true,
  validationMethod: true,
  key: true,
  autoRenew: true,
});

/**
 * CertificateOrderSubmit: the draft becomes an order through the console's own
 * placeCertificateOrder, which checks, charges and starts validation in one transaction.
 * The draft's id is the order's idempotency key and the certificate's id, so a repeated
 * call, or two at once, place one order and charge once; the constraint decides.
 */
export async function orderCertificateDraft(input: OrderCertificateDraftInput): Promise<OrderCertificateDraftOutcome> {
  const draft = await db.apiCertificateDraft.findFirst({
    where: { id: input.certificateId, ownerId: input.ownerId },
  });
  if (!draft) throw new AppError("NOT_FOUND");
  const request = submittedRequest.safeParse(draft.submission);
  if (!request.success) return { status: "not-submitted" };

  const outcome = await placeCertificateOrder({
    ownerId: input.ownerId,
    actorId: input.actorId,
    ip: input.ip,
    now: input.now,
    certificateId: draft.id,
    order: {
      ...request.data,
      validationMethod: input.validationMethod ?? request.data.validationMethod,
      idempotencyKey: draft.id,
      flow: "PURCHASE",
      productId: draft.productId,
    },
  });
  if (outcome.status !== "placed") return outcome;
  if (!draft.orderedAt) {
    await db.apiCertificateDraft.updateMany({
      where: { id: draft.id, ownerId: input.ownerId, orderedAt: null },
      data: { orderedAt: input.now },
    });
  }
  const certificate = await db.certificate.findFirstOrThrow({
    where: { id: outcome.certificateId, ownerId: input.ownerId },
    select: { status: true },
  });
  return { ...outcome, certificateStatus: certificate.status };
}
