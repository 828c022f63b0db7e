// The renewal job issuing over ACME against real servers: an ACME Issuer at Pebble (EAB
// required) on a product, hosted zones in PowerDNS written through the DNS outbox, Pebble
// validating DNS-01 by asking PowerDNS. The stored chain verifies against Pebble's root.
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

const { getCertificateDetail } = await import("@/lib/certificates/get-certificate-detail");
const { db } = await import("@/lib/db/client");
const { lookupTxt } = await import("@/lib/dns/lookup-txt");
const { addHostedZone } = await import("@/lib/dns-hosting/add-hosted-zone");
const { issuerInputSchema } = await import("@/lib/issuers/issuer-input");
const { saveIssuer } = await import("@/lib/issuers/save-issuer");
const { placeCertificateOrder } = await import("@/lib/orders/place-certificate-order");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { createTestUser, fundAccount, seedTestCatalogue, TEST_NOW } = await import("@/testing/factories");
const { verifyCertificateChain } = await import("@/testing/verify-certificate-chain");

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

const dns = (name: string) => lookupTxt(name, { resolver: env.pdns.dnsAddress });
const runJob = async () => executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);

async function order(name: string, idempotencyKey: string) {
  const owner = await createTestUser();
  await fundAccount(owner.id, 20_000);
  return { owner, place: () => placeOrder(owner.id, name, idempotencyKey) };
}

async function placeOrder(ownerId: string, name: string, idempotencyKey: string) {
  const outcome = await placeCertificateOrder({
    ownerId,
    actorId: ownerId,
    ip: null,
    now: clock.now,
    order: {
      idempotencyKey,
      flow: "PURCHASE",
      productId,
      domainCount: 1,
      names: [name],
      validationMethod: "DNS",
      key: { source: "GENERATE", algorithm: "ECDSA_P256" },
      autoRenew: false,
    },
  });
  if (outcome.status !== "placed") throw new Error(`not placed: ${JSON.stringify(outcome)}`);
  expect(outcome.issued).toBe(false);
  return outcome;
}

async function expectIssuedByPebble(certificateId: string, name: string) {
  const certificate = await db.certificate.findUniqueOrThrow({ where: { id: certificateId } });
  expect(certificate).toMatchObject({ status: "ISSUED", acmeFailureReason: null });
  const leaf = verifyCertificateChain(
    `${certificate.certificatePem}${certificate.chainPem}`,
    await env.pebble.rootCertificatePem(),
    new Date(),
  );
  expect(leaf.subjectAltName).toBe(`DNS:${name}`);
  expect(leaf.serialNumber.toLowerCase()).toBe(certificate.serialNumber);
  const order = await db.certificateOrder.findFirstOrThrow({ where: { certificateId } });
  expect(order.status).toBe("ISSUED");
  expect(await db.notification.count({ where: { certificateId, kind: "CERTIFICATE_ISSUED" } })).toBe(1);
  return certificate;
}

describe("issuance over ACME in the renewal job", () => {
  it("a hosted domain: CertDesk writes _acme-challenge into PowerDNS, Pebble validates, the chain is stored, the record goes", async () => {
    clock.now = TEST_NOW;
    const { owner, place } = await order("shop.acme-hosted.test", "acme-hosted-1");
    await addHostedZone({ ownerId: owner.id, name: "acme-hosted.test", actorId: owner.id, ip: null, now: clock.now });
    const placed = await place();
    // No _dnsauth record for an ACME product.
    expect(await db.dnsRecord.count({ where: { certificateId: placed.certificateId } })).toBe(0);

    const run = await runJob();
    expect(run.status).toBe("SUCCEEDED");
    expect(run.errors).toEqual([]);
    expect(run.counts).toMatchObject({ issued: 1, dnsRecordsRemoved: 1 });
    const certificate = await expectIssuedByPebble(placed.certificateId, "shop.acme-hosted.test");
    expect(certificate.validationRecordName).toBe("_acme-challenge.shop.acme-hosted.test");
    expect(certificate.validationMethod).toBe("DNS_AUTO");
    // Signed for the key CertDesk made when the customer ordered.
    const { createPrivateKey, X509Certificate } = await import("node:crypto");
    const { decryptSecret } = await import("@/lib/crypto/secret-box");
    const { getConfig } = await import("@/lib/config");
    const keyPem = decryptSecret(
      (await db.certificate.findUniqueOrThrow({ where: { id: certificate.id }, select: { privateKeyEncrypted: true } }))
        .privateKeyEncrypted ?? "",
      getConfig().encryptionKey,
      certificate.id,
    );
    expect(new X509Certificate(certificate.certificatePem ?? "").checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(await dns("_acme-challenge.shop.acme-hosted.test")).toEqual([]);
    expect(await db.dnsRecord.count({ where: { certificateId: placed.certificateId } })).toBe(0);
  });

  it("a third-party domain completes only after the customer adds the _acme-challenge record", async () => {
    clock.now = TEST_NOW;
    await env.pdns.createZone("acme-customer.test");
    const { owner, place } = await order("shop.acme-customer.test", "acme-third-party-1");
    const placed = await place();

    expect((await runJob()).status).toBe("SUCCEEDED");
    const waiting = await db.certificate.findUniqueOrThrow({ where: { id: placed.certificateId } });
    expect(waiting).toMatchObject({
      status: "PENDING_VALIDATION",
      validationMethod: "DNS",
      validationRecordName: "_acme-challenge.shop.acme-customer.test",
      acmeFailureReason: null,
    });
    expect(waiting.validationRecordValue).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The customer is shown the CA's record, not a _dnsauth one.
    const detail = await getCertificateDetail(owner.id, placed.certificateId, clock.now);
    expect(detail?.validation.targets).toEqual([
      expect.objectContaining({
        kind: "DNS",
        name: "_acme-challenge.shop.acme-customer.test",
        value: waiting.validationRecordValue,
        covers: ["shop.acme-customer.test"],
        addedForYou: false,
      }),
    ]);
    // CertDesk did not answer early: the order is still pending at the CA.
    expect((waiting.acmeOrder as { status: string }).status).toBe("pending");

    await env.pdns.setRecords("acme-customer.test", {
      name: "_acme-challenge.shop.acme-customer.test",
      type: "TXT",
      contents: [`"${waiting.validationRecordValue}"`],
    });
    clock.now = new Date(TEST_NOW.getTime() + 3_600_000);
    expect((await runJob()).status).toBe("SUCCEEDED");
    await expectIssuedByPebble(placed.certificateId, "shop.acme-customer.test");
  });

  it("Pebble down during a run: the certificate stays pending and paid once; a later run completes it", async () => {
    clock.now = TEST_NOW;
    const { owner, place } = await order("api.acme-down.test", "acme-down-1");
    await addHostedZone({ ownerId: owner.id, name: "acme-down.test", actorId: owner.id, ip: null, now: clock.now });
    const placed = await place();

    await env.pebble.stop();
    try {
      const run = await runJob();
      expect(run.status).toBe("SUCCEEDED");
      const pending = await db.certificate.findUniqueOrThrow({ where: { id: placed.certificateId } });
      expect(pending).toMatchObject({ acmeFailureReason: "CA_UNREACHABLE", acmeAttempts: 1 });
      expect(["PENDING_VALIDATION", "DNS_RECORD_ADDED"]).toContain(pending.status);
      expect(pending.acmeNextAttemptAt?.getTime()).toBeGreaterThan(clock.now.getTime());
      // Shown on the certificate, with when CertDesk tries again.
      expect((await getCertificateDetail(owner.id, placed.certificateId, clock.now))?.validation.acmeFailure).toEqual({
        reason: "CA_UNREACHABLE",
        retryAt: pending.acmeNextAttemptAt?.toISOString(),
      });
    } finally {
      // Back with nothing remembered: the account and any order are gone.
      await env.pebble.start();
    }
    // Before the backoff has passed, nothing is asked of the CA.
    expect((await runJob()).status).toBe("SUCCEEDED");
    expect(await db.certificate.findUniqueOrThrow({ where: { id: placed.certificateId } })).toMatchObject({
      acmeFailureReason: "CA_UNREACHABLE",
      acmeAttempts: 1,
    });

    clock.now = new Date(TEST_NOW.getTime() + 2 * 3_600_000);
    const later = await runJob();
    expect(later.errors).toEqual([]);
    await expectIssuedByPebble(placed.certificateId, "api.acme-down.test");
    const charges = await db.ledgerEntry.findMany({ where: { certificateId: placed.certificateId } });
    expect(charges.map((entry) => entry.kind)).toEqual(["PURCHASE"]);
    expect(await dns("_acme-challenge.api.acme-down.test")).toEqual([]);
  });
});
