import { describe, expect, it } from "vitest";

const { listAllCertificates } = await import("@/lib/admin/list-all-certificates");
const { getAdminCertificateDetail } = await import("@/lib/admin/get-admin-certificate-detail");
const { parseAdminCertificateListParams } = await import("@/lib/admin/admin-certificate-list-params");
const { createTestCertificate, createTestCloudResources, createTestUser, TEST_NOW } = await import(
  "@/testing/factories"
);

describe("listAllCertificates", () => {
  it("lists every owner's certificates with the owner, filtered by owner email and the My Certificates filters", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const alice = await createTestUser({ email: "alice-certs@example.test" });
    const bob = await createTestUser({ email: "bob-certs@example.test" });
    const a1 = await createTestCertificate(alice.id, { expiresInDays: 10, domain: "a1.alice.test" });
    await createTestCertificate(alice.id, { expiresInDays: 90, brand: "TrustAsia", domainType: "WILDCARD" });
    const b1 = await createTestCertificate(bob.id, { expiresInDays: 20, autoRenewState: "ON" });
    await createTestCloudResources(alice.id, a1.id, 2);
    await createTestCloudResources(bob.id, b1.id, 1);

    const all = await listAllCertificates(admin, parseAdminCertificateListParams({}), TEST_NOW);
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({ id: a1.id, owner: { id: alice.id, email: alice.email }, daysRemaining: 10 });
    expect(all.items.map((row) => row.resourceCount)).toEqual([2, 1, 0]);
    expect(all.brands).toEqual(["DNSPod", "TrustAsia"]);

    const alices = await listAllCertificates(
      admin,
      parseAdminCertificateListParams({ owner: "ALICE-certs" }),
      TEST_NOW,
    );
    expect(alices.items.map((row) => row.owner.email)).toEqual([alice.email, alice.email]);
    const expiring = await listAllCertificates(admin, parseAdminCertificateListParams({ expiring: "1" }), TEST_NOW);
    expect(expiring.items.map((row) => row.id)).toEqual([a1.id, b1.id]);
    const on = await listAllCertificates(admin, parseAdminCertificateListParams({ autoRenew: "ON" }), TEST_NOW);
    expect(on.items.map((row) => row.id)).toEqual([b1.id]);
    const search = await listAllCertificates(admin, parseAdminCertificateListParams({ q: "a1.alice" }), TEST_NOW);
    expect(search.items.map((row) => row.id)).toEqual([a1.id]);
    const onlyBob = await listAllCertificates(admin, parseAdminCertificateListParams({}), TEST_NOW, {
      ownerId: bob.id,
    });
    expect(onlyBob.items.map((row) => row.id)).toEqual([b1.id]);
  });

  it("matches % and _ in the search and the owner filter literally, not as wildcards", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const owner = await createTestUser({ email: "under_score@example.test" });
    const lookalike = await createTestUser({ email: "underXscore@example.test" });
    await createTestCertificate(lookalike.id, { domain: "lookalike.example.test" });
    const literal = await createTestCertificate(owner.id, { domain: "literal-100pct.example.test", alias: "100% off" });
    await createTestCertificate(owner.id, { domain: "other.example.test", alias: "1000 off" });

    const percent = await listAllCertificates(admin, parseAdminCertificateListParams({ q: "100%" }), TEST_NOW);
    expect(percent.items.map((row) => row.id)).toEqual([literal.id]);
    const underscore = await listAllCertificates(admin, parseAdminCertificateListParams({ owner: "under_" }), TEST_NOW);
    expect(underscore.total).toBe(2);
    expect(new Set(underscore.items.map((row) => row.owner.id))).toEqual(new Set([owner.id]));
  });

  it("loads any certificate's detail by ID, with its owner", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const owner = await createTestUser();
    const certificate = await createTestCertificate(owner.id);
    const detail = await getAdminCertificateDetail(admin, certificate.id, TEST_NOW);
    expect(detail).toMatchObject({
      id: certificate.id,
      domain: certificate.domain,
      owner: { id: owner.id, email: owner.email },
    });
    expect(await getAdminCertificateDetail(admin, "missing", TEST_NOW)).toBeNull();
  });
});
