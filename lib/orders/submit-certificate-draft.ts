import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkOrderRequest, type OrderRequest } from "@/lib/orders/check-order-request";
import type { OrderProblem } from "@/lib/orders/order-problems";

export type SubmitCertificateDraftInput = {
  ownerId: string;
  certificateId: string;
  /** The names, key and validation choice; the domain count is the draft's. */
  request: Omit<OrderRequest, "domainCount">;
  now: Date;
};

export type SubmitCertificateDraftOutcome =
  | { status: "submitted" }
  | { status: "rejected"; problems: OrderProblem[] }
  | { status: "already-ordered" };

/**
 * CertificateInfoSubmit: the names, the key (generated here later, or the customer's CSR)
 * and auto-renewal for a draft, checked now by the order's own checks so a script hears of
 * a bad name at this call. It may be submitted again until the order is placed; the order
 * (orderCertificateDraft) checks everything once more.
 */
export async function submitCertificateDraft(
  input: SubmitCertificateDraftInput,
): Promise<SubmitCertificateDraftOutcome> {
  const draft = await db.apiCertificateDraft.findFirst({
    where: { id: input.certificateId, ownerId: input.ownerId },
    include: { product: true },
  });
  if (!draft) throw new AppError("NOT_FOUND");
  if (draft.orderedAt) return { status: "already-ordered" };

  const request: OrderRequest = { ...input.request, domainCount: draft.domainCount };
  const catalogue = await db.price.findMany();
  const checked = await checkOrderRequest(request, draft.product, catalogue);
  if (checked.problems.length > 0) return { status: "rejected", problems: checked.problems };

  const updated = await db.apiCertificateDraft.updateMany({
    where: { id: draft.id, ownerId: input.ownerId, orderedAt: null },
    data: { submission: request as unknown as Prisma.InputJsonValue, submittedAt: input.now },
  });
  return updated.count === 1 ? { status: "submitted" } : { status: "already-ordered" };
}
