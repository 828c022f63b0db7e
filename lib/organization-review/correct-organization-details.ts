import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { OrganizationDetails } from "@/lib/organization-review/organization-details-input";
import { transitionReview } from "@/lib/organization-review/organization-review-rules";
import { lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

/**
 * The customer corrects the organisation of their OV/EV certificate, before review or
 * after a rejection. The letter must state these details, so a new one is asked for
 * (status back to pending letter upload).
 */
export async function correctOrganizationDetails(input: {
  ownerId: string;
  certificateId: string;
  details: OrganizationDetails;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<{ certificateId: string }> {
  const { ownerId, certificateId, details, now } = input;
  return db.$transaction(async (tx) => {
    if (!(await lockOwnedCertificate(tx, ownerId, certificateId))) throw new AppError("NOT_FOUND");
    const certificate = await tx.certificate.findFirstOrThrow({
      where: { id: certificateId, ownerId },
      select: { status: true, organizationReview: { select: { id: true } } },
    });
    if (!certificate.organizationReview) throw new AppError("NOT_FOUND");
    const transition = transitionReview(certificate.status, { kind: "CORRECT_DETAILS" }, now);
    if (!transition.ok || transition.status === "APPROVED") throw new AppError("ORGANIZATION_REVIEW_NOT_OPEN");
    await tx.organizationReview.update({
      where: { certificateId },
      data: {
        ...details,
        registrationNumber: details.registrationNumber ?? null,
        ...transition.change,
        ...(transition.clearLetter
          ? { letter: null, letterType: null, letterBytes: null, letterUploadedAt: null }
          : {}),
      },
    });
    await tx.certificate.update({ where: { id: certificateId }, data: { status: transition.status } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.organization.submit",
      targetType: "Certificate",
      targetId: certificateId,
      before: { status: certificate.status },
      after: { ...details, registrationNumber: details.registrationNumber ?? null, status: transition.status },
      ip: input.ip,
      at: now,
    });
    return { certificateId };
  });
}
