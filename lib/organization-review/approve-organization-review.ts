import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  issueHostedCertificateAtOnce,
  planCertificateValidation,
  writeValidationStart,
} from "@/lib/orders/start-certificate-validation";
import { lockReviewedCertificate } from "@/lib/organization-review/lock-reviewed-certificate";
import { transitionReview } from "@/lib/organization-review/organization-review-rules";

export type ApproveReviewResult = { certificateId: string; issued: boolean };

/**
 * An administrator approves the organisation of an OV/EV certificate under review: from
 * here it is a paid order's certificate like a DV one, put into domain validation by the
 * same step placeCertificateOrder takes (its 7-day deadline counts from the approval), and
 * validated and issued by the same job.
 */
export async function approveOrganizationReview(input: {
  actor: Actor;
  certificateId: string;
  ip: string | null;
  now: Date;
}): Promise<ApproveReviewResult> {
  assertAdmin(input.actor);
  const reviewer = input.actor;
  const { certificateId, now } = input;
  const started = await db.$transaction(async (tx) => {
    const certificate = await lockReviewedCertificate(tx, certificateId);
    const transition = transitionReview(certificate.status, { kind: "APPROVE", reviewerId: reviewer.id }, now);
    if (!transition.ok) throw new AppError("ORGANIZATION_REVIEW_NOT_PENDING");
    const plan = await planCertificateValidation(tx, {
      ownerId: certificate.ownerId,
      boundNames: certificate.order?.domains ?? [certificate.domain],
      covered: [certificate.domain, ...certificate.sans],
      acme: certificate.issuerId !== null,
      chosenMethod: certificate.validationMethod === "FILE" ? "FILE" : "DNS",
      now,
    });
    await tx.organizationReview.update({ where: { certificateId }, data: transition.change });
    await tx.certificate.update({ where: { id: certificateId }, data: plan.fields });
    await writeValidationStart(tx, plan, {
      ownerId: certificate.ownerId,
      certificateId,
      domain: certificate.domain,
      now,
    });
    await recordAudit(tx, {
      actorId: reviewer.id,
      action: "certificate.organization.approve",
      targetType: "Certificate",
      targetId: certificateId,
      before: { status: certificate.status },
      after: { status: plan.fields.status, validationMethod: plan.method, ownerId: certificate.ownerId },
      ip: input.ip,
      at: now,
    });
    return plan.automatic;
  });
  const issued = started ? await issueHostedCertificateAtOnce(certificateId, now) : false;
  return { certificateId, issued };
}
