// Where an organisation review stands, for the admin's queue and certificate page: derived
// from the certificate's status and the review's decision, never stored. Pure and client-safe.
import type { CertificateStatus } from "@/lib/generated/prisma/enums";

export const ORGANIZATION_REVIEW_STATES = [
  "IN_REVIEW",
  "AWAITING_LETTER",
  "REJECTED",
  "APPROVED",
  /** The order was cancelled (or the certificate deleted) before any decision. */
  "WITHDRAWN",
] as const;
export type OrganizationReviewState = (typeof ORGANIZATION_REVIEW_STATES)[number];

export function organizationReviewState(
  certificateStatus: CertificateStatus,
  review: { reviewedAt: Date | null; rejectionReason: string | null },
): OrganizationReviewState {
  if (certificateStatus === "ORGANIZATION_REVIEW") return "IN_REVIEW";
  // Corrected after a rejection: the letter that states the new details is awaited.
  if (certificateStatus === "PENDING_LETTER_UPLOAD") return "AWAITING_LETTER";
  if (certificateStatus === "ORGANIZATION_REJECTED") return "REJECTED";
  // Past the review: approved (then validated, issued...), or cancelled after a rejection.
  if (review.rejectionReason !== null) return "REJECTED";
  return review.reviewedAt !== null ? "APPROVED" : "WITHDRAWN";
}
