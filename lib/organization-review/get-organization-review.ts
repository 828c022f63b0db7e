import "server-only";
import { db } from "@/lib/db/client";
import { ORGANIZATION_REVIEW_COLUMNS } from "@/lib/organization-review/organization-review-columns";

export type OwnedOrganizationReview = NonNullable<Awaited<ReturnType<typeof getOrganizationReview>>>;

/** The organisation of one of the owner's OV/EV certificates, for its page (the letter's metadata, not the letter). */
export function getOrganizationReview(input: { ownerId: string; certificateId: string }) {
  return db.organizationReview.findFirst({
    where: {
      certificateId: input.certificateId,
      ownerId: input.ownerId,
      certificate: { ownerId: input.ownerId, deletedAt: null },
    },
    select: {
      ...ORGANIZATION_REVIEW_COLUMNS,
      reviewedAt: true,
      rejectionReason: true,
    },
  });
}
