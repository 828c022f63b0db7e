import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { actAs } from "@/testing/action-harness";
import { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } from "@/testing/factories";
import { expectBalancesMatchLedger } from "@/testing/ledger-invariant";
import { LocalDnsServer } from "@/testing/local-dns-server";

const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();
afterAll(() => dns.close());
vi.mock("@/lib/clock", () => ({ now: async () => TEST_NOW, systemNow: () => TEST_NOW }));

// Loaded after the harness has mocked the session, headers and translations.
const { renewManuallyAction, verifyRenewalNowAction } = await import("./actions");

beforeAll(seedTestPrices);

describe("renewManuallyAction", () => {
  it("charges once at once, and for a hosted domain issues the renewal immediately", async () => {
    const user = await createTestUser();
    await fundAccount(user.id, 5_000);
    await db.hostedZone.create({ data: { ownerId: user.id, name: "manual-hosted.test" } });
    const certificate = await createTestCertificate(user.id, {
      domain: "www.manual-hosted.test",
      autoRenewState: "TERMINATED",
      autoRenewEndReason: "INSUFFICIENT_BALANCE",
      expiresInDays: 12,
    });
    actAs(user);
    const result = await renewManuallyAction({ certificateId: certificate.id });
    expect(result).toMatchObject({ ok: true, data: { feeMinor: 2_900, issued: true } });
    if (!result.ok) return;
    const renewal = await db.certificate.findUniqueOrThrow({ where: { id: result.data.newCertificateId } });
    expect(renewal).toMatchObject({ status: "ISSUED", renewsId: certificate.id, autoRenewState: "ON" });
    expect(await db.ledgerEntry.findFirstOrThrow({ where: { certificateId: certificate.id } })).toMatchObject({
      kind: "MANUAL_RENEWAL",
      amountMinor: -2_900,
      actorId: user.id,
    });
    // A second click does not charge again.
    expect(await renewManuallyAction({ certificateId: certificate.id })).toMatchObject({
      ok: false,
      code: "MANUAL_RENEWAL_NOT_ALLOWED",
    });
    expect(await db.ledgerEntry.count({ where: { certificateId: certificate.id } })).toBe(1);
    await expectBalancesMatchLedger();
  });

  it("refuses with the same checks the dialog shows, and without money", async () => {
    const user = await createTestUser();
    await fundAccount(user.id, 2_000);
    actAs(user);
    const early = await createTestCertificate(user.id, { expiresInDays: 31 });
    expect(await renewManuallyAction({ certificateId: early.id })).toMatchObject({
      code: "MANUAL_RENEWAL_NOT_ALLOWED",
      message: "This certificate cannot be renewed manually. Renewal opens 30 days before expiry.",
    });
    const onAuto = await createTestCertificate(user.id, { expiresInDays: 20, autoRenewState: "ON" });
    expect(await renewManuallyAction({ certificateId: onAuto.id })).toMatchObject({
      code: "MANUAL_RENEWAL_NOT_ALLOWED",
    });
    const poor = await createTestCertificate(user.id, { expiresInDays: 20 });
    expect(await renewManuallyAction({ certificateId: poor.id })).toMatchObject({ code: "INSUFFICIENT_BALANCE" });
    const stranger = await createTestUser();
    actAs(stranger);
    expect(await renewManuallyAction({ certificateId: poor.id })).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.renewalOrder.count({ where: { ownerId: user.id } })).toBe(0);
    await expectBalancesMatchLedger();
  });
});

describe("verifyRenewalNowAction", () => {
  it("says the record is missing, then issues once it is in DNS", async () => {
    const user = await createTestUser();
    await fundAccount(user.id, 5_000);
    const certificate = await createTestCertificate(user.id, { domain: "shop.verify-now.test", expiresInDays: 20 });
    actAs(user);
    const renewed = await renewManuallyAction({ certificateId: certificate.id });
    if (!renewed.ok) throw new Error(renewed.message);
    expect(renewed.data.issued).toBe(false);
    const pending = await db.certificate.findUniqueOrThrow({ where: { id: renewed.data.newCertificateId } });
    const record = pending.validationRecordName ?? "";
    expect(await verifyRenewalNowAction({ certificateId: pending.id })).toEqual({
      ok: true,
      data: { outcome: "not-found", values: [], targets: [{ kind: "DNS", name: record, found: false, values: [] }] },
    });

    dns.addRecord({ name: pending.validationRecordName ?? "", type: "TXT", value: "stale-token" });
    expect(await verifyRenewalNowAction({ certificateId: pending.id })).toEqual({
      ok: true,
      data: {
        outcome: "not-found",
        values: ["stale-token"],
        targets: [{ kind: "DNS", name: record, found: false, values: ["stale-token"] }],
      },
    });
    dns.addRecord({
      name: pending.validationRecordName ?? "",
      type: "TXT",
      value: pending.validationRecordValue ?? "",
    });
    expect(await verifyRenewalNowAction({ certificateId: pending.id })).toEqual({
      ok: true,
      data: { outcome: "issued" },
    });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("ISSUED");

    actAs(await createTestUser());
    expect(await verifyRenewalNowAction({ certificateId: pending.id })).toMatchObject({ code: "NOT_FOUND" });
  });
});
