import { describe, expect, it } from "vitest";
import { parseCertificateListParams } from "@/lib/certificates/certificate-list-params";
import { deleteCertificate } from "@/lib/certificates/delete-certificate";
import { listCertificates } from "@/lib/certificates/list-certificates";
import { setCertificateAlias } from "@/lib/certificates/set-certificate-alias";
import { db } from "@/lib/db/client";
import { createTestCertificate, createTestCloudResources, createTestUser, TEST_NOW } from "@/testing/factories";

const remove = (ownerId: string, certificateId: string, confirmedResourceIds: readonly string[] | "ALL" = []) =>
  deleteCertificate({ ownerId, certificateId, confirmedResourceIds, actorId: ownerId, ip: null, now: TEST_NOW });

describe("deleteCertificate", () => {
  it("hides the certificate from every customer query, ends its auto-renewal and keeps its row for history", async () => {
    const owner = await createTestUser();
    const certificate = await createTestCertificate(owner.id, { autoRenewState: "ON" });
    await remove(owner.id, certificate.id);

    const row = await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } });
    expect(row).toMatchObject({ deletedAt: TEST_NOW, autoRenewState: "OFF" });
    expect((await listCertificates(owner.id, parseCertificateListParams(new URLSearchParams()), TEST_NOW)).total).toBe(
      0,
    );
    await expect(remove(owner.id, certificate.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setCertificateAlias({
        ownerId: owner.id,
        certificateId: certificate.id,
        alias: "x",
        actorId: owner.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { action: "certificate.delete", targetId: certificate.id } })).toBe(1);
  });

  it("refuses another customer's certificate, one waiting for issuance, one with a paid renewal pending", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    const mine = await createTestCertificate(owner.id);
    await expect(remove(other.id, mine.id, "ALL")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const pending = await createTestCertificate(owner.id, { status: "PENDING_VALIDATION" });
    await expect(remove(owner.id, pending.id, "ALL")).rejects.toMatchObject({ code: "CERTIFICATE_NOT_DELETABLE" });

    const renewal = await createTestCertificate(owner.id, { status: "PENDING_VALIDATION", renewsId: mine.id });
    await db.renewalOrder.create({
      data: {
        ownerId: owner.id,
        certificateId: mine.id,
        trigger: "AUTO",
        status: "PENDING_VALIDATION",
        priceMinor: 2_900,
        currency: "USD",
        newCertificateId: renewal.id,
      },
    });
    await expect(remove(owner.id, mine.id, "ALL")).rejects.toMatchObject({ code: "CERTIFICATE_RENEWAL_UNDER_WAY" });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: mine.id } })).deletedAt).toBeNull();
  });

  it("refuses while cloud resources the customer did not confirm still use it", async () => {
    const owner = await createTestUser();
    const certificate = await createTestCertificate(owner.id);
    await createTestCloudResources(owner.id, certificate.id, 2);
    const resources = await db.cloudResource.findMany({
      where: { certificateId: certificate.id },
      select: { id: true },
    });
    const ids = resources.map((resource) => resource.id);

    await expect(remove(owner.id, certificate.id, ids.slice(0, 1))).rejects.toMatchObject({
      code: "CERTIFICATE_IN_USE",
      details: { count: 2 },
    });
    await remove(owner.id, certificate.id, ids);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).deletedAt).toEqual(TEST_NOW);
  });

  it("refuses while a deployment target the customer did not confirm serves it", async () => {
    const owner = await createTestUser();
    const certificate = await createTestCertificate(owner.id);
    const target = await db.deploymentTarget.create({
      data: {
        ownerId: owner.id,
        kind: "WEBHOOK",
        name: "edge",
        webhookUrl: "https://hooks.example.test/deploy",
        // Never read here: the row only has to be a complete webhook target.
        webhookSecretEncrypted: "unused",
        certificateId: certificate.id,
      },
    });

    await expect(remove(owner.id, certificate.id, [])).rejects.toMatchObject({
      code: "CERTIFICATE_IN_USE",
      details: { count: 1 },
    });
    await remove(owner.id, certificate.id, [target.id]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "certificate.delete", targetId: certificate.id },
    });
    expect(audit.before).toMatchObject({ deploymentTargetIds: [target.id] });
  });
});
