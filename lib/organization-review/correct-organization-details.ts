import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { beginCustomerReviewChange } from "@/lib/organization-review/begin-customer-review-change";
import type { OrganizationDetails } from "@/lib/organization-review/organization-details-input";

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
    const { transition, previousStatus } = await beginCustomerReviewChange(tx, {
      ownerId,
      certificateId,
      event: "CORRECT_DETAILS",
      now,
    });
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
      before: { status: previousStatus },
      after: { ...details, registrationNumber: details.registrationNumber ?? null, status: transition.status },
      ip: input.ip,
      at: now,
    });
    return { certificateId };
  });
}
