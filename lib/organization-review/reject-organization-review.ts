import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { lockReviewedCertificate } from "@/lib/organization-review/lock-reviewed-certificate";
import { transitionReview } from "@/lib/organization-review/organization-review-rules";

/**
 * An administrator rejects the organisation of an OV/EV certificate under review, with a
 * reason the customer sees on the certificate page and in a notice; they correct and upload
 * again, or cancel the order (refunded). Nothing is charged or refunded here.
 */
export async function rejectOrganizationReview(input: {
  actor: Actor;
  certificateId: string;
  reason: string;
  ip: string | null;
  now: Date;
}): Promise<{ certificateId: string }> {
  assertAdmin(input.actor);
  const reviewer = input.actor;
  const { certificateId, now } = input;
  return db.$transaction(async (tx) => {
    const certificate = await lockReviewedCertificate(tx, certificateId);
    const transition = transitionReview(
      certificate.status,
      { kind: "REJECT", reviewerId: reviewer.id, reason: input.reason },
      now,
    );
    if (!transition.ok || transition.status === "APPROVED") throw new AppError("ORGANIZATION_REVIEW_NOT_PENDING");
    await tx.organizationReview.update({ where: { certificateId }, data: transition.change });
    await tx.certificate.update({ where: { id: certificateId }, data: { status: transition.status } });
    // The customer hears of it with the reason (in the console, and by e-mail and webhook as
    // their settings say). A certificate may be rejected again after a correction: one notice each.
    await tx.notification.create({
      data: {
        ownerId: certificate.ownerId,
        kind: "ORGANIZATION_REJECTED",
        certificateId,
        dedupeKey: `organization-rejected:${certificateId}:${now.getTime()}`,
        params: { domain: certificate.domain, certificateId, reason: input.reason },
        emailStatus: "PENDING",
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      actorId: reviewer.id,
      action: "certificate.organization.reject",
      targetType: "Certificate",
      targetId: certificateId,
      before: { status: certificate.status },
      after: { status: transition.status, reason: input.reason, ownerId: certificate.ownerId },
      ip: input.ip,
      at: now,
    });
    return { certificateId };
  });
}
