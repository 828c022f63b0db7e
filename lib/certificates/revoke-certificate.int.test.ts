import { describe, expect, it } from "vitest";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate";
import { db } from "@/lib/db/client";
import { getManualRenewalOffer } from "@/lib/renewal/get-manual-renewal-offer";
import { renewManually } from "@/lib/renewal/renew-manually";
import { createJobRun } from "@/lib/renewal-job/create-job-run";
import { deductDueRenewals } from "@/lib/renewal-job/deduct-due-renewals";
import { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } from "@/testing/factories";

const revoke = (ownerId: string, certificateId: string, reason: "KEY_COMPROMISE" | "SUPERSEDED" = "KEY_COMPROMISE") =>
  revokeCertificate({ ownerId, certificateId, reason, actorId: ownerId, ip: "203.0.113.9", now: TEST_NOW });

describe("revokeCertificate", () => {
  it("records the revocation with its reason, ends auto-renewal and writes an audit entry", async () => {
    const owner = await createTestUser();
    const certificate = await createTestCertificate(owner.id, { autoRenewState: "ON" });
    await revoke(owner.id, certificate.id);

    expect(await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toMatchObject({
      status: "REVOKED",
      revokedAt: TEST_NOW,
      revocationReason: "KEY_COMPROMISE",
      autoRenewState: "TERMINATED",
      autoRenewEndReason: "NOT_ELIGIBLE",
      autoRenewChangedAt: TEST_NOW,
      deletedAt: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "certificate.revoke", targetId: certificate.id },
    });
    expect(audit).toMatchObject({ actorId: owner.id, ip: "203.0.113.9", createdAt: TEST_NOW });
    expect(audit.after).toMatchObject({ status: "REVOKED", reason: "KEY_COMPROMISE", autoRenewState: "TERMINATED" });
    // Once revoked, never again.
    await expect(revoke(owner.id, certificate.id)).rejects.toMatchObject({ code: "CERTIFICATE_NOT_REVOCABLE" });
  });

  it("answers not found for another customer's certificate and leaves it as it was", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    const certificate = await createTestCertificate(owner.id, { autoRenewState: "ON" });
    await expect(revoke(other.id, certificate.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toMatchObject({
      status: "ISSUED",
      revokedAt: null,
      autoRenewState: "ON",
    });
    expect(await db.auditLog.count({ where: { action: "certificate.revoke", targetId: certificate.id } })).toBe(0);
  });

  it("refuses uploaded, expired, pending and deleted certificates, and one whose paid renewal is pending", async () => {
    const owner = await createTestUser();
    const uploaded = await createTestCertificate(owner.id, { source: "UPLOADED" });
    const expired = await createTestCertificate(owner.id, { expiresInDays: -1 });
    const pending = await createTestCertificate(owner.id, { status: "PENDING_VALIDATION" });
    const deleted = await createTestCertificate(owner.id, { deletedAt: TEST_NOW });
    for (const certificate of [uploaded, expired, pending]) {
      await expect(revoke(owner.id, certificate.id)).rejects.toMatchObject({ code: "CERTIFICATE_NOT_REVOCABLE" });
    }
    await expect(revoke(owner.id, deleted.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const renewed = await createTestCertificate(owner.id, { expiresInDays: 20 });
    const renewal = await createTestCertificate(owner.id, { status: "PENDING_VALIDATION", renewsId: renewed.id });
    await db.renewalOrder.create({
      data: {
        ownerId: owner.id,
        certificateId: renewed.id,
        trigger: "MANUAL",
        status: "PENDING_VALIDATION",
        priceMinor: 2_900,
        currency: "USD",
        newCertificateId: renewal.id,
      },
    });
    await expect(revoke(owner.id, renewed.id)).rejects.toMatchObject({ code: "CERTIFICATE_RENEWAL_UNDER_WAY" });
    const statuses = await db.certificate.findMany({
      where: { id: { in: [uploaded.id, expired.id, pending.id, deleted.id, renewed.id] } },
      select: { status: true, revokedAt: true },
    });
    expect(statuses.every((row) => row.revokedAt === null && row.status !== "REVOKED")).toBe(true);
  });

  it("is never renewed: the job passes it over when due and manual renewal refuses it", async () => {
    await seedTestPrices();
    const owner = await createTestUser();
    await fundAccount(owner.id, 100_000);
    // Due: auto-renewal on, 20 days before expiry.
    const certificate = await createTestCertificate(owner.id, { autoRenewState: "ON", expiresInDays: 20 });
    await revoke(owner.id, certificate.id, "SUPERSEDED");
    // Even if auto-renewal were switched back on behind the console's back, the claim takes ISSUED only.
    await db.certificate.update({ where: { id: certificate.id }, data: { autoRenewState: "ON" } });

    const run = await createJobRun({ trigger: "cron", triggeredById: null });
    await deductDueRenewals({ now: TEST_NOW, jobRunId: run.id });
    expect(await db.renewalOrder.count({ where: { certificateId: certificate.id } })).toBe(0);
    expect((await db.billingAccount.findUniqueOrThrow({ where: { ownerId: owner.id } })).balanceMinor).toBe(100_000);

    const context = { ownerId: owner.id, certificateId: certificate.id, actorId: owner.id, ip: null, now: TEST_NOW };
    expect((await getManualRenewalOffer(owner.id, certificate.id, TEST_NOW))?.failures).toContain("NOT_ISSUED");
    await expect(renewManually(context)).rejects.toMatchObject({ code: "MANUAL_RENEWAL_NOT_ALLOWED" });
    expect(await db.renewalOrder.count({ where: { certificateId: certificate.id } })).toBe(0);
  });
});
