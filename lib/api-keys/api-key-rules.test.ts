import { describe, expect, it } from "vitest";
import { apiKeyExpiry, apiKeyStatus } from "@/lib/api-keys/api-key-rules";

const now = new Date("2026-06-15T08:00:00Z");

describe("apiKeyStatus", () => {
  it("is revoked once revoked, expired from its expiry on, active otherwise", () => {
    expect(apiKeyStatus({ revokedAt: now, expiresAt: null }, now)).toBe("REVOKED");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: now }, now)).toBe("EXPIRED");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("ACTIVE");
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, now)).toBe("ACTIVE");
  });
});

describe("apiKeyExpiry", () => {
  it("counts whole days from now, or never", () => {
    expect(apiKeyExpiry("never", now)).toBeNull();
    expect(apiKeyExpiry("30", now)?.toISOString()).toBe("2026-07-15T08:00:00.000Z");
  });
});
