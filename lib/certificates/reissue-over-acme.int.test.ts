// A reissue of a certificate an ACME CA issued goes back to that CA: the same set-up as
// lib/issuance/issue-over-acme-job.int.test.ts (Pebble with EAB on a product, hosted zones in
// PowerDNS), then the reissue issued by the job over DNS-01, the old certificate revoked as
// superseded. The CA sets the new certificate's validity itself (no notAfter is asked for).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type AcmeTestEnvironment, startAcmeTestEnvironment } from "@/testing/servers/start-acme-test-environment";

const env: AcmeTestEnvironment = await startAcmeTestEnvironment();
const NAMESERVERS = ["ns1.certdesk.test"];
// Set before anything reads the configuration: CertDesk talks to this PowerDNS only, and
// its pre-check asks it as the zones' authoritative server.
Object.assign(process.env, {
  DNS_PROVIDER: "powerdns",
  POWERDNS_API_URL: env.pdns.apiUrl,
  POWERDNS_API_KEY: env.pdns.apiKey,
  POWERDNS_SERVER_ID: env.pdns.serverId,
  HOSTED_ZONE_NAMESERVERS: NAMESERVERS.join(","),
  DNS_RESOLVER: env.pdns.dnsAddress,
});

const clock = vi.hoisted(() => ({ now: new Date("2026-06-15T08:00:00Z") }));
vi.mock("@/lib/clock", () => ({
  now: async () => clock.now,
  systemNow: () => new Date(),
  isClockSimulated: async () => false,
  getClockOffsetMs: async () => 0,
}));

const { db } = await import("@/lib/db/client");
const { addHostedZone } = await import("@/lib/dns-hosting/add-hosted-zone");
const { issuerInputSchema } = await import("@/lib/issuers/issuer-input");
const { saveIssuer } = await import("@/lib/issuers/save-issuer");
const { reissueCertificate } = await import("@/lib/certificates/reissue-certificate");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { createTestUser, seedTestCatalogue, TEST_NOW } = await import("@/testing/factories");
const {
  acmeTestOrder,
  expectIssuedByPebble: issuedByPebble,
  expectPebbleChain: pebbleChain,
} = await import("@/testing/acme-issued-orders");

let productId: string;

beforeAll(async () => {
  const products = await seedTestCatalogue();
  productId = products.dnspodSingle;
  const admin = await createTestUser({ role: "ADMIN" });
  const issuer = await saveIssuer(
    admin,
    issuerInputSchema.parse({
      name: "Pebble",
      directoryUrl: env.pebble.directoryUrl,
      eabKeyId: env.pebble.eab.keyId,
      eabHmacKey: env.pebble.eab.hmacKey,
      contactEmail: "certs@example.test",
      termsAccepted: true,
      caBundlePem: env.pebble.listenerCertificatePem,
    }),
    { ip: null, now: TEST_NOW },
  );
  await db.price.update({ where: { id: productId }, data: { issuerId: issuer.id } });
}, 60_000);
afterAll(() => env.close());

const order = (name: string, idempotencyKey: string) =>
  acmeTestOrder({ productId, name, idempotencyKey, now: () => clock.now });
const expectIssuedByPebble = async (id: string, name: string) =>
  issuedByPebble(id, name, { rootPem: await env.pebble.rootCertificatePem() });
const runJob = async () => executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);

describe("reissue over ACME", () => {
  it("a hosted domain: the reissue is issued by the same CA for a new key, and the old certificate is revoked", async () => {
    clock.now = TEST_NOW;
    const { owner, place } = await order("shop.acme-reissue.test", "acme-reissue-1");
    await addHostedZone({ ownerId: owner.id, name: "acme-reissue.test", actorId: owner.id, ip: null, now: clock.now });
    const placed = await place();
    expect((await runJob()).errors).toEqual([]);
    const old = await expectIssuedByPebble(placed.certificateId, "shop.acme-reissue.test");

    clock.now = new Date(TEST_NOW.getTime() + 86_400_000);
    const outcome = await reissueCertificate({
      ownerId: owner.id,
      actorId: owner.id,
      ip: null,
      now: clock.now,
      request: {
        certificateId: old.id,
        validationMethod: "DNS",
        key: { source: "GENERATE", algorithm: "ECDSA_P384" },
      },
    });
    if (outcome.status !== "requested") throw new Error(`not requested: ${JSON.stringify(outcome)}`);
    // An ACME CA issues it, in the job: nothing at once, and no _dnsauth record.
    expect(outcome.issued).toBe(false);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: outcome.certificateId } })).toMatchObject({
      issuerId: old.issuerId,
      validationMethod: "DNS_AUTO",
      status: "PENDING_VALIDATION",
    });

    const run = await runJob();
    expect(run.errors).toEqual([]);
    const { certificate: reissued } = await pebbleChain(outcome.certificateId, "shop.acme-reissue.test", {
      rootPem: await env.pebble.rootCertificatePem(),
    });
    expect(reissued.keyAlgorithm).toBe("ECDSA_P384");
    expect(reissued.serialNumber).not.toBe(old.serialNumber);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "REVOKED",
      revocationReason: "SUPERSEDED",
    });
    expect(await db.ledgerEntry.count({ where: { account: { ownerId: owner.id }, kind: "PURCHASE" } })).toBe(1);
  });
});
