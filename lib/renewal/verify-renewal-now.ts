import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  checkCertificateValidation,
  PENDING_CERTIFICATE_SELECT,
  type TargetCheck,
  type ValidationCheck,
} from "@/lib/issuance/check-certificate-validation";
import { issuePendingCertificate } from "@/lib/issuance/issue-pending-certificate";
import { isPendingStatus } from "@/lib/issuance/pending-statuses";

export type VerifyNowResult = ValidationCheck["outcome"] | "issued";

/**
 * "Verify now" on a pending certificate, a renewal or a new one: look for its records or
 * files at once, and issue it if every one is in place.
 */
export async function verifyRenewalNow(input: { ownerId: string; certificateId: string; now: Date }): Promise<{
  outcome: VerifyNowResult;
  values?: string[];
  targets?: TargetCheck[];
}> {
  const certificate = await db.certificate.findFirst({
    where: { id: input.certificateId, ownerId: input.ownerId },
    select: { ...PENDING_CERTIFICATE_SELECT, validatedAt: true },
  });
  if (!certificate) throw new AppError("NOT_FOUND");
  if (!isPendingStatus(certificate.status)) return { outcome: "not-pending" };
  if (!certificate.validatedAt) {
    const check = await checkCertificateValidation(certificate, input.now);
    if (check.outcome !== "validated") {
      return {
        outcome: check.outcome,
        values: check.outcome === "not-found" ? check.values : undefined,
        targets: check.outcome === "not-pending" ? undefined : check.targets,
      };
    }
  }
  return {
    outcome: (await issuePendingCertificate(certificate.id, input.now)) === "not-ready" ? "validated" : "issued",
  };
}
