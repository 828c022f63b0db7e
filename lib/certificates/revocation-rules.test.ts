import { describe, expect, it } from "vitest";
import { type RevocationFacts, revocationRefusal } from "@/lib/certificates/revocation-rules";

const now = new Date("2026-06-15T08:00:00Z");
const issued: RevocationFacts = {
  source: "PURCHASED",
  status: "ISSUED",
  expiresAt: new Date("2026-09-01T00:00:00Z"),
  renewalPending: false,
};

describe("revocationRefusal", () => {
  it("allows an issued, unexpired certificate CertDesk issued, paid or free", () => {
    expect(revocationRefusal(issued, now)).toBeNull();
    expect(revocationRefusal({ ...issued, source: "FREE" }, now)).toBeNull();
  });

  it("refuses uploaded, not issued, expired (at the very expiry) and renewal-pending certificates", () => {
    expect(revocationRefusal({ ...issued, source: "UPLOADED" }, now)).toBe("UPLOADED");
    expect(revocationRefusal({ ...issued, status: "REVOKED" }, now)).toBe("NOT_ISSUED");
    expect(revocationRefusal({ ...issued, status: "PENDING_VALIDATION" }, now)).toBe("NOT_ISSUED");
    expect(revocationRefusal({ ...issued, expiresAt: null }, now)).toBe("NOT_ISSUED");
    expect(revocationRefusal({ ...issued, expiresAt: now }, now)).toBe("EXPIRED");
    expect(revocationRefusal({ ...issued, renewalPending: true }, now)).toBe("RENEWAL_PENDING");
  });
});
