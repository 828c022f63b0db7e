import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { db } from "@/lib/db/client";
import { ORGANIZATION_REVIEW_COLUMNS } from "@/lib/organization-review/organization-review-columns";
import { organizationReviewState } from "@/lib/organization-review/organization-review-state";

export type AdminOrganizationReview = NonNullable<Awaited<ReturnType<typeof getAdminOrganizationReview>>>;

/**
 * The organisation review of any customer's OV/EV certificate, for the admin's certificate
 * page: the role is checked first, then it is found by the certificate's id alone. Where it
 * stands, the organisation, when it was submitted and decided, by whom, and why if rejected.
 */
export async function getAdminOrganizationReview(input: { actor: Actor; certificateId: string }) {
  assertAdmin(input.actor);
  const review = await db.organizationReview.findUnique({
    where: { certificateId: input.certificateId },
    select: {
      ...ORGANIZATION_REVIEW_COLUMNS,
      reviewedAt: true,
      rejectionReason: true,
      reviewerId: true,
      certificate: { select: { status: true } },
    },
  });
  if (!review) return null;
  const reviewer = review.reviewerId
    ? await db.user.findUnique({ where: { id: review.reviewerId }, select: { id: true, email: true } })
    : null;
  const { certificate, ...columns } = review;
  return { ...columns, reviewer, state: organizationReviewState(certificate.status, review) };
}
