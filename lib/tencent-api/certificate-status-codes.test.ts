import { describe, expect, it } from "vitest";
import {
  apiStatusCode,
  STATUS_CODE_OF,
  statusesForCodes,
  statusFilterParts,
} from "@/lib/tencent-api/certificate-status-codes";

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

  it("write 11, reissuing, for an issued certificate with a reissue in flight, and only then", () => {
    expect(apiStatusCode("ISSUED", true)).toBe(11);
    expect(apiStatusCode("ISSUED", false)).toBe(1);
    // An expired or revoked one shows what it is, whatever is pending.
    expect(apiStatusCode("EXPIRED", true)).toBe(3);
    expect(apiStatusCode("REVOKED", true)).toBe(10);
  });

  it("turn a CertificateStatus filter into statuses; numbers CertDesk has no status for match none", () => {
    expect(statusesForCodes([1, 3])).toEqual(["ISSUED", "EXPIRED"]);
    expect(statusesForCodes([0, 4])).toEqual(["PENDING_VALIDATION", "DNS_RECORD_ADDED", "ORGANIZATION_REVIEW"]);
    expect(statusesForCodes([8])).toEqual(["PENDING_LETTER_UPLOAD"]);
    expect(statusesForCodes([5, 13])).toEqual([]);
  });
});

describe("statusFilterParts", () => {
  it("asks for the console's Reissuing filter for 11, alone or beside other statuses", () => {
    expect(statusFilterParts([11], false)).toEqual([{ reissuing: true }]);
    expect(statusFilterParts([0, 11], false)).toEqual([
      { statuses: ["PENDING_VALIDATION", "ORGANIZATION_REVIEW"] },
      { reissuing: true },
    ]);
    // Issued includes the certificates being reissued.
    expect(statusFilterParts([1, 11], false)).toEqual([{ statuses: ["ISSUED"] }]);
  });

  it("keeps everything without a status filter, and nothing for numbers without a status", () => {
    expect(statusFilterParts(undefined, false)).toEqual([{ statuses: undefined }]);
    expect(statusFilterParts([], false)).toEqual([{ statuses: undefined }]);
    expect(statusFilterParts([5, 13], false)).toEqual([]);
  });

  it("with Deployable, keeps only issued certificates, the reissuing ones included", () => {
    expect(statusFilterParts(undefined, true)).toEqual([{ statuses: ["ISSUED"] }]);
    expect(statusFilterParts([0, 3], true)).toEqual([]);
    expect(statusFilterParts([0, 11], true)).toEqual([{ reissuing: true }]);
  });
});
