import "server-only";
import { db } from "@/lib/db/client";
import { issuePendingCertificate } from "@/lib/issuance/issue-pending-certificate";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import { logger } from "@/lib/logger";

export type IssueStepResult = { issued: number; errors: { certificateId: string; message: string }[] };

/** Step 3: issues every certificate validated in time, renewals and new ones. Key generation is CPU work, so one at a time. */
export async function issueValidatedCertificates(options: { now: Date; batchSize?: number }): Promise<IssueStepResult> {
  const batchSize = options.batchSize ?? 50;
  const result: IssueStepResult = { issued: 0, errors: [] };
  let after = "";
  for (;;) {
    const page = await db.certificate.findMany({
      where: {
        id: { gt: after },
        status: { in: [...PENDING_STATUSES] },
        validatedAt: { not: null },
        // An ACME issuer's are issued by their CA (advanceAcmeCertificates).
        issuerId: null,
      },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true },
    });
    for (const { id } of page) {
      try {
        if ((await issuePendingCertificate(id, options.now)) === "issued") result.issued += 1;
      } catch (error) {
        logger.error({ err: error, certificateId: id }, "issuing a validated certificate failed");
        result.errors.push({ certificateId: id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (page.length < batchSize) return result;
    after = page[page.length - 1]?.id ?? after;
  }
}
