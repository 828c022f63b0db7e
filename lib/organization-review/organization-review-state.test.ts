import { describe, expect, it } from "vitest";
import { organizationReviewState } from "@/lib/organization-review/organization-review-state";

const undecided = { reviewedAt: null, rejectionReason: null };
const at = new Date("2026-06-01T00:00:00Z");

describe("organizationReviewState", () => {
  it("follows the certificate while it is before domain validation", () => {
    expect(organizationReviewState("ORGANIZATION_REVIEW", undecided)).toBe("IN_REVIEW");
    expect(organizationReviewState("PENDING_LETTER_UPLOAD", undecided)).toBe("AWAITING_LETTER");
    // Corrected after a rejection: the reason stays until the new letter, the state moves on.
    expect(organizationReviewState("PENDING_LETTER_UPLOAD", { reviewedAt: at, rejectionReason: "x" })).toBe(
      "AWAITING_LETTER",
    );
    expect(organizationReviewState("ORGANIZATION_REJECTED", { reviewedAt: at, rejectionReason: "x" })).toBe("REJECTED");
  });

  it("after it: approved, rejected then cancelled, or cancelled undecided", () => {
    for (const status of ["PENDING_VALIDATION", "ISSUED", "REVOKED"] as const) {
      expect(organizationReviewState(status, { reviewedAt: at, rejectionReason: null })).toBe("APPROVED");
    }
    expect(organizationReviewState("CANCELED", { reviewedAt: at, rejectionReason: "x" })).toBe("REJECTED");
    expect(organizationReviewState("CANCELED", undecided)).toBe("WITHDRAWN");
  });
});
