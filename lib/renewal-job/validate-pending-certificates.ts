import "server-only";
import { db } from "@/lib/db/client";
import {
  checkCertificateValidation,
  PENDING_CERTIFICATE_SELECT,
  type ValidationCheckOptions,
} from "@/lib/issuance/check-certificate-validation";

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
 * Step 2: checks every pending certificate (renewals and new ones) still inside its 7-day window. Lookups run a
 * few at a time; certificates are read in id order page by page, never all at once.
 */
export async function validatePendingCertificates(options: {
  now: Date;
  batchSize?: number;
  concurrency?: number;
  /** Where to look (tests: their DNS server and web servers). */
  check?: ValidationCheckOptions;
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
        // An ACME issuer's certificates are validated by their CA (advanceAcmeCertificates).
        issuerId: null,
      },
      orderBy: { id: "asc" },
      take: batchSize,
      select: PENDING_CERTIFICATE_SELECT,
    });
    if (page.length === 0) return result;
    after = page[page.length - 1]?.id ?? after;
    for (let start = 0; start < page.length; start += concurrency) {
      const slice = page.slice(start, start + concurrency);
      const checks = await Promise.all(slice.map((row) => checkCertificateValidation(row, now, options.check)));
      checks.forEach((check, index) => {
        result.checked += 1;
        if (check.outcome === "validated") result.validated += 1;
        if (check.outcome === "lookup-failed") result.lookupFailures += 1;
        const certificateId = slice[index]?.id;
        if (check.outcome === "not-pending" || !certificateId) return;
        for (const target of check.targets) {
          if (target.kind === "DNS" && target.lookupFailed === "PROVIDER_FAILED") {
            result.errors.push({ certificateId, message: target.lookupDetail ?? target.lookupFailed });
          }
        }
      });
    }
    if (page.length < batchSize) return result;
  }
}
