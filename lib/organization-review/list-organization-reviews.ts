import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { db } from "@/lib/db/client";
import { ORGANIZATION_REVIEW_COLUMNS } from "@/lib/organization-review/organization-review-columns";

/** At most this many at once: the oldest first, so none waits behind newer ones. */
const REVIEW_PAGE_SIZE = 100;

export type PendingOrganizationReview = Awaited<ReturnType<typeof listOrganizationReviews>>[number];

/**
 * The admin dashboard's review queue: OV/EV certificates whose letter is uploaded and
 * whose organisation waits for an administrator, oldest upload first, with the company,
 * its contact, the product and the letter's metadata (the letter itself is downloaded).
 */
export async function listOrganizationReviews(input: { actor: Actor }) {
  assertAdmin(input.actor);
  return db.organizationReview.findMany({
    where: { certificate: { status: "ORGANIZATION_REVIEW", deletedAt: null } },
    orderBy: [{ letterUploadedAt: "asc" }, { id: "asc" }],
    take: REVIEW_PAGE_SIZE,
    select: {
      certificateId: true,
      ...ORGANIZATION_REVIEW_COLUMNS,
      owner: { select: { id: true, email: true } },
      certificate: {
        select: {
          brand: true,
          certificateType: true,
          domainType: true,
          domain: true,
          sans: true,
          validityYears: true,
          order: { select: { priceMinor: true, currency: true } },
        },
      },
    },
  });
}
