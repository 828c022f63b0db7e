import "server-only";
import { db } from "@/lib/db/client";
import { checkRenewalValidation } from "@/lib/renewal/check-renewal-validation";

export type ValidateStepResult = {
  checked: number;
  validated: number;
  lookupFailures: number;
  /**
   * Our own DNS server (DNS_PROVIDER) refused or missed a hosted record: the operator's to
   * fix, so the run reports it. A third-party domain's failed lookup is only counted.
   */
  errors: { certificateId: string; message: string }[];
};

/**
 * Step 2: checks every pending renewal still inside its 7-day window. Lookups run a
 * few at a time; certificates are read in id order page by page, never all at once.
 */
export async function validatePendingCertificates(options: {
  now: Date;
  batchSize?: number;
  concurrency?: number;
}): Promise<ValidateStepResult> {
  const { now } = options;
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 16;
  const result: ValidateStepResult = { checked: 0, validated: 0, lookupFailures: 0, errors: [] };
  let after = "";
  for (;;) {
    const page = await db.certificate.findMany({
      where: {
        id: { gt: after },
        status: { in: ["PENDING_VALIDATION", "DNS_RECORD_ADDED"] },
        validatedAt: null,
        validationDeadline: { gt: now },
      },
      orderBy: { id: "asc" },
      take: batchSize,
      select: {
        id: true,
        ownerId: true,
        validationRecordName: true,
        validationRecordValue: true,
        validationDeadline: true,
      },
    });
    if (page.length === 0) return result;
    after = page[page.length - 1]?.id ?? after;
    for (let start = 0; start < page.length; start += concurrency) {
      const slice = page.slice(start, start + concurrency);
      const checks = await Promise.all(slice.map((row) => checkRenewalValidation(row, now)));
      checks.forEach((check, index) => {
        result.checked += 1;
        if (check.outcome === "validated") result.validated += 1;
        if (check.outcome !== "lookup-failed") return;
        result.lookupFailures += 1;
        const certificateId = slice[index]?.id;
        if (check.reason === "PROVIDER_FAILED" && certificateId) {
          result.errors.push({ certificateId, message: check.message });
        }
      });
    }
    if (page.length < batchSize) return result;
  }
}
