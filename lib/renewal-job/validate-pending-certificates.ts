import "server-only";
import { db } from "@/lib/db/client";
import {
  checkCertificateValidation,
  PENDING_CERTIFICATE_SELECT,
  type ValidationCheckOptions,
} from "@/lib/issuance/check-certificate-validation";

export type ValidateStepResult = { checked: number; validated: number; lookupFailures: number };

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
  const result: ValidateStepResult = { checked: 0, validated: 0, lookupFailures: 0 };
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
      select: PENDING_CERTIFICATE_SELECT,
    });
    if (page.length === 0) return result;
    after = page[page.length - 1]?.id ?? after;
    for (let start = 0; start < page.length; start += concurrency) {
      const checks = await Promise.all(
        page.slice(start, start + concurrency).map((row) => checkCertificateValidation(row, now, options.check)),
      );
      for (const check of checks) {
        result.checked += 1;
        if (check.outcome === "validated") result.validated += 1;
        if (check.outcome === "lookup-failed") result.lookupFailures += 1;
      }
    }
    if (page.length < batchSize) return result;
  }
}
