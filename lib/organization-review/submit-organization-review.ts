import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { DbTransaction } from "@/lib/db/client";
import type { OrganizationDetails } from "@/lib/organization-review/organization-details-input";

/**
 * The organisation of a new OV/EV order, written in the order's transaction
 * (placeCertificateOrder), its certificate pending the confirmation letter.
 */
export async function submitOrganizationReview(
  tx: DbTransaction,
  input: {
    ownerId: string;
    certificateId: string;
    details: OrganizationDetails;
    actorId: string;
    ip: string | null;
    now: Date;
  },
): Promise<void> {
  const { details, now } = input;
  await tx.organizationReview.create({
    data: {
      certificateId: input.certificateId,
      ownerId: input.ownerId,
      ...details,
      registrationNumber: details.registrationNumber ?? null,
      submittedAt: now,
    },
  });
  await recordAudit(tx, {
    actorId: input.actorId,
    action: "certificate.organization.submit",
    targetType: "Certificate",
    targetId: input.certificateId,
    after: { ...details, registrationNumber: details.registrationNumber ?? null, status: "PENDING_LETTER_UPLOAD" },
    ip: input.ip,
    at: now,
  });
}
