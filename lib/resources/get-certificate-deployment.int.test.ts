import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { getCertificateDeployment } from "@/lib/resources/get-certificate-deployment";
import { listCloudResources } from "@/lib/resources/list-cloud-resources";
import { updateCloudResources } from "@/lib/resources/update-cloud-resources";
import { createTestCertificate, createTestCloudResources, createTestUser, TEST_NOW } from "@/testing/factories";

// DEMO_MODE, as the simulated resources' one rule reads it.
const demo = vi.hoisted(() => ({ on: true }));
vi.mock("@/lib/resources/simulated-resources-available", () => ({ simulatedResourcesAvailable: () => demo.on }));
beforeEach(() => {
  demo.on = true;
});

describe("getCertificateDeployment", () => {
  it("counts the resources of the certificate and of the one it renewed, and asks to move them", async () => {
    const owner = await createTestUser();
    const old = await createTestCertificate(owner.id, { domain: "shop.deployment-counts.test", expiresInDays: 10 });
    const renewal = await createTestCertificate(owner.id, {
      domain: "shop.deployment-counts.test",
      renewsId: old.id,
      expiresInDays: 375,
    });
    await createTestCloudResources(owner.id, old.id, 2);

    expect(await getCertificateDeployment(owner.id, renewal.id, TEST_NOW)).toMatchObject({
      resourceCount: 0,
      predecessor: { id: old.id, resourceCount: 2 },
      updatePrompt: true,
      simulatedResources: true,
    });
    expect(await getCertificateDeployment(owner.id, old.id, TEST_NOW)).toMatchObject({
      resourceCount: 2,
      predecessor: null,
      updatePrompt: false,
    });

    await createTestCloudResources(owner.id, renewal.id, 1);
    expect(await getCertificateDeployment(owner.id, renewal.id, TEST_NOW)).toMatchObject({ resourceCount: 1 });
  });

  it("is null for another customer's certificate", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    const certificate = await createTestCertificate(owner.id);
    await createTestCloudResources(owner.id, certificate.id, 1);
    expect(await getCertificateDeployment(other.id, certificate.id, TEST_NOW)).toBeNull();
  });

  it("offers the simulated resources only in DEMO_MODE: outside it no prompt, no list, no update", async () => {
    demo.on = false;
    const owner = await createTestUser();
    const old = await createTestCertificate(owner.id, { domain: "shop.simulated-only.test", expiresInDays: 10 });
    const renewal = await createTestCertificate(owner.id, {
      domain: "shop.simulated-only.test",
      renewsId: old.id,
      expiresInDays: 375,
    });
    await createTestCloudResources(owner.id, old.id, 1);
    const resource = await db.cloudResource.findFirstOrThrow({ where: { ownerId: owner.id } });

    expect(await getCertificateDeployment(owner.id, renewal.id, TEST_NOW)).toMatchObject({
      updatePrompt: false,
      simulatedResources: false,
    });
    expect(await listCloudResources(owner.id)).toEqual([]);
    await expect(
      updateCloudResources({
        ownerId: owner.id,
        targetCertificateId: renewal.id,
        resourceIds: [resource.id],
        actorId: owner.id,
        now: TEST_NOW,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
