import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { actAs } from "@/testing/action-harness";
import { createTestCertificate, createTestUser, seedTestPrices, TEST_NOW } from "@/testing/factories";

// The clock is the app's only "now": pin it so the 14-day rule is tested exactly.
vi.mock("@/lib/clock", () => ({ now: async () => TEST_NOW, systemNow: () => TEST_NOW }));

// Loaded after the harness has mocked the session, headers and translations.
const { disableAutoRenewalAction, enableAutoRenewalAction } = await import("./actions");

beforeAll(seedTestPrices);

describe("enableAutoRenewalAction", () => {
  it("enables an eligible certificate and audits who changed what", async () => {
    const user = await createTestUser();
    const certificate = await createTestCertificate(user.id, { expiresInDays: 14 });
    actAs(user);
    expect(await enableAutoRenewalAction({ certificateId: certificate.id })).toEqual({ ok: true, data: undefined });
    const stored = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } });
    expect(stored).toMatchObject({ autoRenewState: "ON", autoRenewChangedAt: TEST_NOW });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: certificate.id } });
    expect(audit).toMatchObject({
      actorId: user.id,
      action: "certificate.auto_renew.enable",
      before: { autoRenewState: "OFF", autoRenewEndReason: null },
      after: { autoRenewState: "ON", autoRenewEndReason: null },
      ip: "198.51.100.10",
    });
  });

  it("answers 'not found' for another customer's certificate and changes nothing", async () => {
    const owner = await createTestUser();
    const intruder = await createTestUser();
    const certificate = await createTestCertificate(owner.id);
    actAs(intruder);
    const result = await enableAutoRenewalAction({ certificateId: certificate.id });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).autoRenewState).toBe("OFF");
    expect(await db.auditLog.count({ where: { targetId: certificate.id } })).toBe(0);
  });

  it("refuses a forged request for an ineligible certificate with the same reasons the dialog shows", async () => {
    const user = await createTestUser();
    const certificate = await createTestCertificate(user.id, {
      source: "FREE",
      certificateType: "OV",
      brand: "GeoTrust",
      expiresInDays: 13,
    });
    actAs(user);
    const result = await enableAutoRenewalAction({ certificateId: certificate.id });
    expect(result).toEqual({
      ok: false,
      code: "AUTO_RENEW_NOT_ELIGIBLE",
      message:
        "Auto-renewal cannot be activated for this certificate. Only paid certificates can be auto-renewed; this one is free. Auto-renewal is not yet available for this brand (supported: DNSPod, TrustAsia, WoTrus). Fewer than 14 days remain before expiry; renew it manually.",
      details: { reasons: "NOT_PAID,BRAND_NOT_SUPPORTED,TOO_LATE" },
    });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).autoRenewState).toBe("OFF");
  });

  it("refuses 14 days minus one second before expiry", async () => {
    const user = await createTestUser();
    const certificate = await createTestCertificate(user.id, {
      expiresAt: new Date(TEST_NOW.getTime() + 14 * 86_400_000 - 1000),
    });
    actAs(user);
    expect(await enableAutoRenewalAction({ certificateId: certificate.id })).toMatchObject({
      ok: false,
      code: "AUTO_RENEW_NOT_ELIGIBLE",
    });
  });

  it("refuses the signed-out, the disabled and malformed input", async () => {
    const user = await createTestUser();
    const certificate = await createTestCertificate(user.id);
    actAs(null);
    expect(await enableAutoRenewalAction({ certificateId: certificate.id })).toMatchObject({ code: "UNAUTHENTICATED" });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: TEST_NOW, sessionVersion: 1 } });
    actAs(user);
    expect(await enableAutoRenewalAction({ certificateId: certificate.id })).toMatchObject({ code: "UNAUTHENTICATED" });
    const other = await createTestUser();
    actAs(other);
    expect(await enableAutoRenewalAction({ certificateId: "x".repeat(65) })).toMatchObject({ code: "INVALID_INPUT" });
    expect(await enableAutoRenewalAction({ certificateId: 42 } as unknown as { certificateId: string })).toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

describe("disableAutoRenewalAction", () => {
  it("turns auto-renewal off before the deduction, and refuses after it", async () => {
    const user = await createTestUser();
    const certificate = await createTestCertificate(user.id, { autoRenewState: "ON" });
    actAs(user);
    expect(await disableAutoRenewalAction({ certificateId: certificate.id })).toEqual({ ok: true, data: undefined });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).autoRenewState).toBe("OFF");
    expect(await disableAutoRenewalAction({ certificateId: certificate.id })).toMatchObject({
      code: "AUTO_RENEW_NOT_ON",
    });

    const paid = await createTestCertificate(user.id, { autoRenewState: "ON", expiresInDays: 20 });
    const renewal = await createTestCertificate(user.id, {
      status: "PENDING_VALIDATION",
      expiresAt: null,
      renewsId: paid.id,
    });
    await db.renewalOrder.create({
      data: {
        ownerId: user.id,
        certificateId: paid.id,
        trigger: "AUTO",
        status: "PENDING_VALIDATION",
        priceMinor: 2_900,
        currency: "USD",
        newCertificateId: renewal.id,
      },
    });
    expect(await disableAutoRenewalAction({ certificateId: paid.id })).toMatchObject({
      ok: false,
      code: "AUTO_RENEW_ALREADY_DEDUCTED",
    });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: paid.id } })).autoRenewState).toBe("ON");
  });

  it("serialises concurrent enable and deactivate: the result is one of the two, audited in order", async () => {
    const user = await createTestUser();
    actAs(user);
    for (let round = 0; round < 5; round++) {
      const certificate = await createTestCertificate(user.id, { autoRenewState: "ON" });
      const [disabled, enabled] = await Promise.all([
        disableAutoRenewalAction({ certificateId: certificate.id }),
        enableAutoRenewalAction({ certificateId: certificate.id }),
      ]);
      const final = (await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).autoRenewState;
      const audits = await db.auditLog.findMany({ where: { targetId: certificate.id }, orderBy: { createdAt: "asc" } });
      // Whichever ran second saw the first one's result, never a stale state.
      expect(disabled.ok).toBe(true);
      if (enabled.ok) {
        expect(final).toBe("ON");
        expect(audits.map((a) => a.action).sort()).toEqual([
          "certificate.auto_renew.disable",
          "certificate.auto_renew.enable",
        ]);
      } else {
        expect(enabled).toMatchObject({ code: "AUTO_RENEW_NOT_ELIGIBLE" });
        expect(final).toBe("OFF");
        expect(audits.map((a) => a.action)).toEqual(["certificate.auto_renew.disable"]);
      }
    }
  });
});
