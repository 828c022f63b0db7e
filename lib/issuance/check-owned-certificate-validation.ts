import "server-only";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  checkCertificateValidation,
  PENDING_CERTIFICATE_SELECT,
  type ValidationCheck,
} from "@/lib/issuance/check-certificate-validation";

/**
 * Looks for the records or files one of the owner's pending certificates needs, as "Verify
 * now" does, without issuing it (the API's CheckCertificateDomainVerification; its
 * CompleteCertificate is "Verify now" itself, verifyRenewalNow). NOT_FOUND for anyone else's.
 */
export async function checkOwnedCertificateValidation(input: {
  ownerId: string;
  certificateId: string;
  now: Date;
}): Promise<{ check: ValidationCheck; validationMethod: string | null }> {
  const certificate = await db.certificate.findFirst({
    where: { id: input.certificateId, ...ownedCertificateWhere(input.ownerId) },
    select: PENDING_CERTIFICATE_SELECT,
  });
  if (!certificate) throw new AppError("NOT_FOUND");
  return {
    check: await checkCertificateValidation(certificate, input.now),
    validationMethod: certificate.validationMethod,
  };
}
