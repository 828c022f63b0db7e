import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { checkConfirmationLetter, type LetterProblemCode } from "@/lib/organization-review/check-confirmation-letter";
import { transitionReview } from "@/lib/organization-review/organization-review-rules";
import { lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

export type UploadLetterResult =
  | { ok: true; certificateId: string }
  | { ok: false; code: LetterProblemCode; params: Record<string, number> };

/**
 * The customer's confirmation letter for one of their OV/EV certificates awaiting it (or
 * rejected): checked by its content, stored, and the certificate goes to review. A letter
 * that is refused stores nothing.
 */
export async function uploadConfirmationLetter(input: {
  ownerId: string;
  certificateId: string;
  bytes: Uint8Array;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<UploadLetterResult> {
  const { ownerId, certificateId, now } = input;
  const check = checkConfirmationLetter(input.bytes);
  if (!check.ok) return check;
  return db.$transaction(async (tx) => {
    if (!(await lockOwnedCertificate(tx, ownerId, certificateId))) throw new AppError("NOT_FOUND");
    const certificate = await tx.certificate.findFirstOrThrow({
      where: { id: certificateId, ownerId },
      select: { status: true, organizationReview: { select: { id: true } } },
    });
    if (!certificate.organizationReview) throw new AppError("NOT_FOUND");
    const transition = transitionReview(certificate.status, { kind: "UPLOAD_LETTER" }, now);
    if (!transition.ok || transition.status === "APPROVED") throw new AppError("ORGANIZATION_REVIEW_NOT_OPEN");
    await tx.organizationReview.update({
      where: { certificateId },
      data: {
        ...transition.change,
        letter: Buffer.from(input.bytes),
        letterType: check.type,
        letterBytes: input.bytes.byteLength,
      },
    });
    await tx.certificate.update({ where: { id: certificateId }, data: { status: transition.status } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.organization.letter_upload",
      targetType: "Certificate",
      targetId: certificateId,
      before: { status: certificate.status },
      after: { status: transition.status, letterType: check.type, letterBytes: input.bytes.byteLength },
      ip: input.ip,
      at: now,
    });
    return { ok: true, certificateId };
  });
}
