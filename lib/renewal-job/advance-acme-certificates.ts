import "server-only";
import { db } from "@/lib/db/client";
import { type AdvanceAcmeOptions, advanceAcmeCertificate } from "@/lib/issuance/advance-acme-certificate";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import { logger } from "@/lib/logger";

export type AcmeStepResult = {
  checked: number;
  issued: number;
  waiting: number;
  retrying: number;
  failed: number;
  errors: { certificateId: string; message: string }[];
};

/**
 * Steps 2 and 3 for certificates of an ACME issuer (the built-in CA's go through
 * validatePendingCertificates and issueValidatedCertificates): each pending one still
 * inside its window is taken as far as it can go this run. One at a time: each talks to
 * the CA and waits for its verdicts. A failure of one is recorded and the run goes on.
 */
export async function advanceAcmeCertificates(
  options: { now: Date; batchSize?: number } & AdvanceAcmeOptions,
): Promise<AcmeStepResult> {
  const { now } = options;
  const batchSize = options.batchSize ?? 50;
  const result: AcmeStepResult = { checked: 0, issued: 0, waiting: 0, retrying: 0, failed: 0, errors: [] };
  let after = "";
  for (;;) {
    const page = await db.certificate.findMany({
      where: {
        id: { gt: after },
        issuerId: { not: null },
        status: { in: [...PENDING_STATUSES] },
        validationDeadline: { gt: now },
      },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true },
    });
    for (const { id } of page) {
      result.checked += 1;
      try {
        const outcome = await advanceAcmeCertificate(id, now, options);
        if (outcome.kind === "issued") result.issued += 1;
        else if (outcome.kind === "retrying") result.retrying += 1;
        else if (outcome.kind === "failed") result.failed += 1;
        else if (
          outcome.kind === "waiting-for-record" ||
          outcome.kind === "waiting-for-ca" ||
          outcome.kind === "in-progress"
        )
          result.waiting += 1;
        if (outcome.kind === "waiting-for-record" && outcome.providerError) {
          result.errors.push({ certificateId: id, message: outcome.providerError });
        }
      } catch (error) {
        logger.error({ err: error, certificateId: id }, "advancing an ACME certificate failed");
        result.errors.push({ certificateId: id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (page.length < batchSize) return result;
    after = page[page.length - 1]?.id ?? after;
  }
}
