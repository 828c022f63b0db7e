import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type AcmeAdvanceOutcome, advanceAcmeCertificate } from "@/lib/issuance/advance-acme-certificate";
import {
  checkCertificateValidation,
  PENDING_CERTIFICATE_SELECT,
  type TargetCheck,
  type ValidationCheck,
} from "@/lib/issuance/check-certificate-validation";
import { issuePendingCertificate } from "@/lib/issuance/issue-pending-certificate";
import { isPendingStatus } from "@/lib/issuance/pending-statuses";

export type VerifyNowResult =
  | ValidationCheck["outcome"]
  | "issued"
  /** ACME: the CA could not be asked now (down, rate limiting); the job tries again, as the page says. */
  | "ca-retrying"
  /** ACME: the CA failed the order for a reason the page shows, with what to do. */
  | "ca-failed"
  /** ACME: the job (or another click) is advancing this certificate at this moment. */
  | "in-progress";

const ACME_OUTCOME: Record<AcmeAdvanceOutcome["kind"], VerifyNowResult> = {
  issued: "issued",
  "waiting-for-record": "not-found",
  "waiting-for-ca": "validated",
  retrying: "ca-retrying",
  failed: "ca-failed",
  "in-progress": "in-progress",
  "not-pending": "not-pending",
};

/**
 * "Verify now" on a pending certificate, a renewal or a new one: look for its records or
 * files at once, and issue it if every one is in place. A certificate of an ACME issuer
 * is taken as far as its order can go now, as the job would (its backoff after a CA
 * failure holds here too, so pressing again does not hammer the CA); an order the CA
 * failed for a reason the customer fixes (record, CAA) is started over.
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
  if (certificate.issuerId) {
    const advanced = await advanceAcmeCertificate(certificate.id, input.now, { startOverFailedOrder: true });
    return { outcome: ACME_OUTCOME[advanced.kind] };
  }
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
