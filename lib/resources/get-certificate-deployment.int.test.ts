import { describe, expect, it } from "vitest";
import { getCertificateDeployment } from "@/lib/resources/get-certificate-deployment";
import { createTestCertificate, createTestCloudResources, createTestUser, TEST_NOW } from "@/testing/factories";

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
});
