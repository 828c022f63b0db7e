import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { beginCustomerReviewChange } from "@/lib/organization-review/begin-customer-review-change";
import { checkConfirmationLetter, type LetterProblemCode } from "@/lib/organization-review/check-confirmation-letter";

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
    const { transition, previousStatus } = await beginCustomerReviewChange(tx, {
      ownerId,
      certificateId,
      event: "UPLOAD_LETTER",
      now,
    });
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
      before: { status: previousStatus },
      after: { status: transition.status, letterType: check.type, letterBytes: input.bytes.byteLength },
      ip: input.ip,
      at: now,
    });
    return { ok: true, certificateId };
  });
}
