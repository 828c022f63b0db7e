import { describe, expect, it } from "vitest";
import { STATUS_CODE_OF, statusesForCodes } from "@/lib/tencent-api/certificate-status-codes";

describe("the original's status numbers", () => {
  it("are those of docs/status-codes.md", () => {
    expect(STATUS_CODE_OF).toEqual({
      PENDING_VALIDATION: 0,
      ISSUED: 1,
      VALIDATION_FAILED: 2,
      EXPIRED: 3,
      DNS_RECORD_ADDED: 4,
      CANCELED: 7,
      REVOKED: 10,
      REFUNDED: 14,
      PENDING_LETTER_UPLOAD: 8,
      ORGANIZATION_REVIEW: 0,
      ORGANIZATION_REJECTED: 2,
    });
  });

  it("turn a CertificateStatus filter into statuses; numbers CertDesk has no status for match none", () => {
    expect(statusesForCodes([1, 3])).toEqual(["ISSUED", "EXPIRED"]);
    expect(statusesForCodes([0, 4])).toEqual(["PENDING_VALIDATION", "DNS_RECORD_ADDED", "ORGANIZATION_REVIEW"]);
    expect(statusesForCodes([8])).toEqual(["PENDING_LETTER_UPLOAD"]);
    expect(statusesForCodes([5, 13])).toEqual([]);
  });
});
