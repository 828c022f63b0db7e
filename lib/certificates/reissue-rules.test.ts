import { describe, expect, it } from "vitest";
import { type ReissueFacts, reissuedCertificateExpiry, reissueRefusal } from "@/lib/certificates/reissue-rules";

const now = new Date("2026-06-15T08:00:00Z");
const issued: ReissueFacts = {
  source: "PURCHASED",
  status: "ISSUED",
  expiresAt: new Date("2026-09-01T00:00:00Z"),
  renewalPending: false,
  reissuePending: false,
};

describe("reissueRefusal", () => {
  it("allows an issued, unexpired certificate CertDesk issued, paid or free", () => {
    expect(reissueRefusal(issued, now)).toBeNull();
    expect(reissueRefusal({ ...issued, source: "FREE" }, now)).toBeNull();
  });

  it("refuses uploaded, revoked, pending and failed certificates", () => {
    expect(reissueRefusal({ ...issued, source: "UPLOADED" }, now)).toBe("UPLOADED");
    expect(reissueRefusal({ ...issued, status: "REVOKED" }, now)).toBe("REVOKED");
    expect(reissueRefusal({ ...issued, status: "PENDING_VALIDATION" }, now)).toBe("NOT_ISSUED");
    expect(reissueRefusal({ ...issued, status: "VALIDATION_FAILED" }, now)).toBe("NOT_ISSUED");
    expect(reissueRefusal({ ...issued, expiresAt: null }, now)).toBe("NOT_ISSUED");
  });

  it("refuses from the very moment of expiry on, not a millisecond before", () => {
    expect(reissueRefusal({ ...issued, expiresAt: now }, now)).toBe("EXPIRED");
    expect(reissueRefusal({ ...issued, expiresAt: new Date(now.getTime() + 1) }, now)).toBeNull();
  });

  it("refuses while a renewal or another reissue is in flight", () => {
    expect(reissueRefusal({ ...issued, renewalPending: true }, now)).toBe("RENEWAL_PENDING");
    expect(reissueRefusal({ ...issued, reissuePending: true }, now)).toBe("REISSUE_PENDING");
  });
});

describe("reissuedCertificateExpiry", () => {
  it("copies the replaced certificate's expiry to the millisecond, whenever it is issued", () => {
    const expiresAt = new Date("2027-02-28T23:59:59.123Z");
    expect(reissuedCertificateExpiry(expiresAt, now)?.toISOString()).toBe("2027-02-28T23:59:59.123Z");
    expect(reissuedCertificateExpiry(expiresAt, new Date("2027-02-28T00:00:00Z"))?.getTime()).toBe(expiresAt.getTime());
  });

  it("gives nothing once the replaced certificate has expired, or had no expiry", () => {
    expect(reissuedCertificateExpiry(now, now)).toBeNull();
    expect(reissuedCertificateExpiry(null, now)).toBeNull();
  });
});
