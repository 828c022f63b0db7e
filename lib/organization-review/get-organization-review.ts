import "server-only";
import { db } from "@/lib/db/client";

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
      companyName: true,
      country: true,
      locality: true,
      address: true,
      companyPhone: true,
      registrationNumber: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      letterType: true,
      letterBytes: true,
      letterUploadedAt: true,
      submittedAt: true,
      reviewedAt: true,
      rejectionReason: true,
    },
  });
}
