import "server-only";
import type { DbTransaction } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";

/**
 * Admin review code only (the caller has checked the role): locks an OV/EV certificate
 * with an organisation review, by id alone, the row lock the customer's upload and
 * cancellation take too, and reads what approving or rejecting needs.
 */
export async function lockReviewedCertificate(tx: DbTransaction, certificateId: string) {
  const locked = await queryRows(
    tx,
    sqlBuilder
      .selectFrom("Certificate")
      .select("id")
      .where("id", "=", certificateId)
      .where("deletedAt", "is", null)
      .forUpdate(),
  );
  if (locked.length === 0) throw new AppError("NOT_FOUND");
  const certificate = await tx.certificate.findUniqueOrThrow({
    where: { id: certificateId },
    select: {
      id: true,
      ownerId: true,
      status: true,
      domain: true,
      sans: true,
      issuerId: true,
      validationMethod: true,
      order: { select: { domains: true } },
      organizationReview: { select: { id: true } },
    },
  });
  if (!certificate.organizationReview) throw new AppError("NOT_FOUND");
  return certificate;
}
