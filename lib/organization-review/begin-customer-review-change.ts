import "server-only";
import type { DbTransaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { transitionReview } from "@/lib/organization-review/organization-review-rules";
import { lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

/**
 * The first part of every change a customer makes to their organisation review (a letter,
 * corrected details), in their transaction: the certificate locked with its owner in the
 * where, its review found, and the rules' transition for the event, refused unless the
 * review is open to the customer. Returns the transition and the status it leaves.
 */
export async function beginCustomerReviewChange(
  tx: DbTransaction,
  input: { ownerId: string; certificateId: string; event: "UPLOAD_LETTER" | "CORRECT_DETAILS"; now: Date },
) {
  const { ownerId, certificateId } = input;
  if (!(await lockOwnedCertificate(tx, ownerId, certificateId))) throw new AppError("NOT_FOUND");
  const certificate = await tx.certificate.findFirstOrThrow({
    where: { id: certificateId, ownerId },
    select: { status: true, organizationReview: { select: { id: true } } },
  });
  if (!certificate.organizationReview) throw new AppError("NOT_FOUND");
  const transition = transitionReview(certificate.status, { kind: input.event }, input.now);
  if (!transition.ok || transition.status === "APPROVED") throw new AppError("ORGANIZATION_REVIEW_NOT_OPEN");
  return { transition, previousStatus: certificate.status };
}
