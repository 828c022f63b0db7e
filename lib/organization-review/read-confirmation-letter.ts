import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LETTER_CONTENT_TYPE, LETTER_EXTENSION, type LetterType } from "./confirmation-letter-limits";

export type ConfirmationLetter = { bytes: Uint8Array; contentType: string; fileName: string };

/**
 * The confirmation letter of an OV/EV certificate, for its owner or an administrator
 * (who reviews it) and nobody else: a customer's query carries their id, so another
 * customer's letter is simply not found.
 */
export async function readConfirmationLetter(input: {
  viewer: SessionUser;
  certificateId: string;
}): Promise<ConfirmationLetter> {
  const { viewer, certificateId } = input;
  const where: Prisma.OrganizationReviewWhereInput =
    viewer.role === "ADMIN"
      ? { certificateId }
      : { certificateId, ownerId: viewer.id, certificate: { ownerId: viewer.id, deletedAt: null } };
  const review = await db.organizationReview.findFirst({
    where,
    select: { letter: true, letterType: true },
  });
  if (!review?.letter || !review.letterType) throw new AppError("NOT_FOUND");
  const type = review.letterType as LetterType;
  return {
    bytes: new Uint8Array(review.letter),
    contentType: LETTER_CONTENT_TYPE[type],
    fileName: `confirmation-letter-${certificateId}.${LETTER_EXTENSION[type]}`,
  };
}
