import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { checkRenewalValidation, type ValidationCheck } from "@/lib/renewal/check-renewal-validation";
import { issueRenewal, PENDING_STATUSES } from "@/lib/renewal/issue-renewal";

export type VerifyNowResult = ValidationCheck["outcome"] | "issued";

/** "Verify now" on a pending renewal: look for its record at once and issue it if found. */
export async function verifyRenewalNow(input: { ownerId: string; certificateId: string; now: Date }): Promise<{
  outcome: VerifyNowResult;
  values?: string[];
}> {
  const certificate = await db.certificate.findFirst({
    where: { id: input.certificateId, ownerId: input.ownerId },
    select: {
      id: true,
      ownerId: true,
      status: true,
      validatedAt: true,
      validationRecordName: true,
      validationRecordValue: true,
      validationDeadline: true,
    },
  });
  if (!certificate) throw new AppError("NOT_FOUND");
  if (!PENDING_STATUSES.includes(certificate.status as (typeof PENDING_STATUSES)[number])) {
    return { outcome: "not-pending" };
  }
  if (!certificate.validatedAt) {
    const check = await checkRenewalValidation(certificate, input.now);
    if (check.outcome !== "validated")
      return { outcome: check.outcome, values: check.outcome === "not-found" ? check.values : undefined };
  }
  return { outcome: (await issueRenewal(certificate.id, input.now)) === "not-ready" ? "validated" : "issued" };
}
