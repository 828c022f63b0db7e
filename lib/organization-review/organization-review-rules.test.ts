import { describe, expect, it } from "vitest";
import type { CertificateStatus } from "@/lib/generated/prisma/enums";
import {
  customerMayChangeReview,
  isOrganizationReviewStatus,
  needsOrganizationReview,
  transitionReview,
} from "@/lib/organization-review/organization-review-rules";
import { productAutoRenewFailures } from "@/lib/renewal/auto-renew-rules";

const NOW = new Date("2026-12-02T10:00:00.000Z");
const ALL: CertificateStatus[] = [
  "PENDING_VALIDATION",
  "ISSUED",
  "VALIDATION_FAILED",
  "DNS_RECORD_ADDED",
  "CANCELED",
  "REVOKED",
  "REFUNDED",
  "PENDING_LETTER_UPLOAD",
  "ORGANIZATION_REVIEW",
  "ORGANIZATION_REJECTED",
];

describe("the organisation review's states", () => {
  it("concern OV and EV only", () => {
    expect(needsOrganizationReview("DV")).toBe(false);
    expect(needsOrganizationReview("OV")).toBe(true);
    expect(needsOrganizationReview("EV")).toBe(true);
    expect(ALL.filter(isOrganizationReviewStatus)).toEqual([
      "PENDING_LETTER_UPLOAD",
      "ORGANIZATION_REVIEW",
      "ORGANIZATION_REJECTED",
    ]);
  });

  it("send an uploaded letter to review, from waiting for it or after a rejection, clearing the old verdict", () => {
    for (const status of ["PENDING_LETTER_UPLOAD", "ORGANIZATION_REJECTED"] as const) {
      expect(transitionReview(status, { kind: "UPLOAD_LETTER" }, NOW)).toEqual({
        ok: true,
        status: "ORGANIZATION_REVIEW",
        change: { letterUploadedAt: NOW, reviewedAt: null, reviewerId: null, rejectionReason: null },
      });
    }
    expect(ALL.filter(customerMayChangeReview)).toEqual(["PENDING_LETTER_UPLOAD", "ORGANIZATION_REJECTED"]);
  });

  it("ask for a new letter after the details are corrected, the reason of a rejection kept until then", () => {
    expect(transitionReview("ORGANIZATION_REJECTED", { kind: "CORRECT_DETAILS" }, NOW)).toEqual({
      ok: true,
      status: "PENDING_LETTER_UPLOAD",
      change: { submittedAt: NOW },
      clearLetter: true,
    });
  });

  it("let the customer change nothing while under review or after approval", () => {
    for (const status of ALL.filter((status) => !customerMayChangeReview(status))) {
      expect(transitionReview(status, { kind: "UPLOAD_LETTER" }, NOW)).toEqual({
        ok: false,
        code: "ORGANIZATION_REVIEW_NOT_OPEN",
      });
      expect(transitionReview(status, { kind: "CORRECT_DETAILS" }, NOW)).toMatchObject({ ok: false });
    }
  });

  it("approve or reject only what is under review, stamped with the reviewer and `now`", () => {
    expect(transitionReview("ORGANIZATION_REVIEW", { kind: "APPROVE", reviewerId: "admin-1" }, NOW)).toEqual({
      ok: true,
      status: "APPROVED",
      change: { reviewedAt: NOW, reviewerId: "admin-1", rejectionReason: null },
    });
    expect(
      transitionReview("ORGANIZATION_REVIEW", { kind: "REJECT", reviewerId: "admin-1", reason: "Name differs" }, NOW),
    ).toEqual({
      ok: true,
      status: "ORGANIZATION_REJECTED",
      change: { reviewedAt: NOW, reviewerId: "admin-1", rejectionReason: "Name differs" },
    });
    for (const status of ALL.filter((status) => status !== "ORGANIZATION_REVIEW")) {
      expect(transitionReview(status, { kind: "APPROVE", reviewerId: "a" }, NOW)).toEqual({
        ok: false,
        code: "ORGANIZATION_REVIEW_NOT_PENDING",
      });
      expect(transitionReview(status, { kind: "REJECT", reviewerId: "a", reason: "r" }, NOW)).toMatchObject({
        ok: false,
      });
    }
  });

  it("leave OV and EV out of auto-renewal through the one eligibility rule, as the catalogue marks them", () => {
    // The seeded catalogue marks only DV rows as auto-renewable (lib/seed/seed-prices.ts).
    const supported = [{ brand: "GeoTrust", certificateType: "DV" as const, domainType: "SINGLE" as const }];
    const product = {
      brand: "GeoTrust",
      domainType: "SINGLE" as const,
      validityYears: 1,
      source: "PURCHASED" as const,
    };
    expect(productAutoRenewFailures({ ...product, certificateType: "OV" }, supported)).toEqual(["TYPE_NOT_SUPPORTED"]);
    expect(productAutoRenewFailures({ ...product, certificateType: "EV" }, supported)).toEqual(["TYPE_NOT_SUPPORTED"]);
  });
});
