import { describe, expect, it, vi } from "vitest";
import { parseCertificateListParams } from "@/lib/certificates/certificate-list-params";
import { listCertificates } from "@/lib/certificates/list-certificates";
import { db } from "@/lib/db/client";
import { createTestCertificate, createTestCloudResources, createTestUser, TEST_NOW } from "@/testing/factories";

// The "Update to cloud resources" link is for the simulated resources of DEMO_MODE.
vi.mock("@/lib/resources/simulated-resources-available", () => ({ simulatedResourcesAvailable: () => true }));

const DAY = 86_400_000;
const params = (query: Record<string, string> = {}) => parseCertificateListParams(new URLSearchParams(query));

describe("listCertificates", () => {
  it("lists only the owner's certificates, with the owner's brands for the filter", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    await createTestCertificate(owner.id, { brand: "TrustAsia", expiresInDays: 20 });
    await createTestCertificate(owner.id, { brand: "DNSPod", expiresInDays: 10 });
    await createTestCertificate(owner.id, { brand: "TrustAsia", expiresInDays: 30 });
    await createTestCertificate(other.id, { brand: "GeoTrust" });

    const page = await listCertificates(owner.id, params(), TEST_NOW);

    expect(page.total).toBe(3);
    expect(page.brands).toEqual(["DNSPod", "TrustAsia"]);
    expect(page.items.map((row) => row.daysRemaining)).toEqual([10, 20, 30]);
    expect((await listCertificates(owner.id, params({ brand: "TrustAsia" }), TEST_NOW)).total).toBe(2);
    expect((await listCertificates(owner.id, params({ brand: "GeoTrust" }), TEST_NOW)).items).toEqual([]);
  });

  it("counts the row's cloud resources and shows its paid renewal and the prompt to move resources to it", async () => {
    const owner = await createTestUser();
    const old = await createTestCertificate(owner.id, { domain: "shop.list-facts.test", expiresInDays: 20 });
    const renewal = await createTestCertificate(owner.id, {
      domain: "shop.list-facts.test",
      renewsId: old.id,
      notBefore: TEST_NOW,
      issuedAt: TEST_NOW,
      expiresAt: new Date((old.expiresAt?.getTime() ?? 0) + 365 * DAY),
    });
    await db.renewalOrder.create({
      data: {
        ownerId: owner.id,
        certificateId: old.id,
        trigger: "AUTO",
        status: "ISSUED",
        priceMinor: 2_900,
        currency: "USD",
        newCertificateId: renewal.id,
      },
    });
    await createTestCloudResources(owner.id, old.id, 3);
    const plain = await createTestCertificate(owner.id, { domain: "plain.list-facts.test", expiresInDays: 90 });

    const { items } = await listCertificates(owner.id, params({ q: "list-facts" }), TEST_NOW);
    const byId = new Map(items.map((row) => [row.id, row]));

    expect(byId.get(old.id)).toMatchObject({ resourceCount: 3, renewalPaid: true, renewalId: renewal.id });
    expect(byId.get(renewal.id)).toMatchObject({ resourceCount: 0, renewalPaid: false, resourceUpdateFromId: old.id });
    expect(byId.get(plain.id)).toMatchObject({ resourceCount: 0, renewalPaid: false, renewalId: null });
    expect(byId.get(plain.id)?.resourceUpdateFromId).toBeNull();

    // Once the resources are on the renewal, the prompt goes away.
    await db.cloudResource.updateMany({ where: { certificateId: old.id }, data: { certificateId: renewal.id } });
    const after = await listCertificates(owner.id, params({ q: "list-facts" }), TEST_NOW);
    expect(after.items.find((row) => row.id === renewal.id)).toMatchObject({
      resourceCount: 3,
      resourceUpdateFromId: null,
    });
  });

  it("pages through the owner's certificates in expiry order", async () => {
    const owner = await createTestUser();
    for (let day = 1; day <= 12; day++) await createTestCertificate(owner.id, { expiresInDays: day });

    const second = await listCertificates(owner.id, params({ page: "2", pageSize: "10" }), TEST_NOW);

    expect(second.total).toBe(12);
    expect(second.items.map((row) => row.daysRemaining)).toEqual([11, 12]);
    expect(await listCertificates(owner.id, params({ page: "5", pageSize: "10" }), TEST_NOW)).toMatchObject({
      total: 12,
      items: [],
    });
  });
});
