// The life of an OV/EV certificate before domain validation, as data and one pure
// transition function: details submitted (the original's status 8, "pending confirmation
// letter upload") → letter uploaded, under review (status 0) → approved, on to the same
// domain validation as DV orders, or rejected with a reason (status 2) → corrected and
// uploaded again. Client-safe: the certificate page asks the same rules what it may offer.
import type { CertificateStatus, CertificateType } from "@/lib/generated/prisma/enums";

export const ORGANIZATION_REVIEW_STATUSES = [
  "PENDING_LETTER_UPLOAD",
  "ORGANIZATION_REVIEW",
  "ORGANIZATION_REJECTED",
] as const satisfies CertificateStatus[];
export type OrganizationReviewStatus = (typeof ORGANIZATION_REVIEW_STATUSES)[number];

export function isOrganizationReviewStatus(status: string): status is OrganizationReviewStatus {
  return (ORGANIZATION_REVIEW_STATUSES as readonly string[]).includes(status);
}

/** OV and EV certificates name an organisation, which a person checks before the CA does its part. */
export function needsOrganizationReview(certificateType: CertificateType): boolean {
  return certificateType !== "DV";
}

export type ReviewEvent =
  | { kind: "UPLOAD_LETTER" }
  | { kind: "CORRECT_DETAILS" }
  | { kind: "APPROVE"; reviewerId: string }
  | { kind: "REJECT"; reviewerId: string; reason: string };

/** What the event writes on the review row (besides the letter or details themselves). */
export type ReviewChange = {
  letterUploadedAt?: Date;
  submittedAt?: Date;
  /** Absent: unchanged. */
  reviewedAt?: Date | null;
  reviewerId?: string | null;
  rejectionReason?: string | null;
};

export type ReviewTransition =
  | {
      ok: true;
      status: "ORGANIZATION_REVIEW" | "PENDING_LETTER_UPLOAD" | "ORGANIZATION_REJECTED";
      change: ReviewChange;
      /** Corrected details need a letter that states them: the old one no longer counts. */
      clearLetter?: boolean;
    }
  /** Approved: the certificate starts domain validation (its status is set by that step). */
  | { ok: true; status: "APPROVED"; change: ReviewChange }
  | { ok: false; code: "ORGANIZATION_REVIEW_NOT_OPEN" | "ORGANIZATION_REVIEW_NOT_PENDING" };

const CUSTOMER_MAY_CHANGE: readonly CertificateStatus[] = ["PENDING_LETTER_UPLOAD", "ORGANIZATION_REJECTED"];

/** Whether the customer may upload a letter or correct the details now (before review or after a rejection). */
export function customerMayChangeReview(status: CertificateStatus): boolean {
  return CUSTOMER_MAY_CHANGE.includes(status);
}

export function transitionReview(status: CertificateStatus, event: ReviewEvent, now: Date): ReviewTransition {
  switch (event.kind) {
    case "UPLOAD_LETTER":
      if (!customerMayChangeReview(status)) return { ok: false, code: "ORGANIZATION_REVIEW_NOT_OPEN" };
      return {
        ok: true,
        status: "ORGANIZATION_REVIEW",
        change: { letterUploadedAt: now, reviewedAt: null, reviewerId: null, rejectionReason: null },
      };
    case "CORRECT_DETAILS":
      if (!customerMayChangeReview(status)) return { ok: false, code: "ORGANIZATION_REVIEW_NOT_OPEN" };
      return {
        ok: true,
        status: "PENDING_LETTER_UPLOAD",
        // The rejection's reason stays shown until the corrected details are sent for review.
        change: { submittedAt: now },
        clearLetter: true,
      };
    case "APPROVE":
      if (status !== "ORGANIZATION_REVIEW") return { ok: false, code: "ORGANIZATION_REVIEW_NOT_PENDING" };
      return {
        ok: true,
        status: "APPROVED",
        change: { reviewedAt: now, reviewerId: event.reviewerId, rejectionReason: null },
      };
    case "REJECT":
      if (status !== "ORGANIZATION_REVIEW") return { ok: false, code: "ORGANIZATION_REVIEW_NOT_PENDING" };
      return {
        ok: true,
        status: "ORGANIZATION_REJECTED",
        change: { reviewedAt: now, reviewerId: event.reviewerId, rejectionReason: event.reason },
      };
  }
}
