// The renewal job issuing over ACME against real servers: an ACME Issuer at Pebble (EAB
// required) on a product, hosted zones in PowerDNS written through the DNS outbox, Pebble
// validating DNS-01 by asking PowerDNS. The stored chain verifies against Pebble's root.
// New orders and renewals alike; "Verify now"; Pebble stopped between two steps of a run.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type AcmeTestEnvironment, startAcmeTestEnvironment } from "@/testing/servers/start-acme-test-environment";
import { certDeskOverPowerDns } from "@/testing/servers/start-powerdns";

const env: AcmeTestEnvironment = await startAcmeTestEnvironment();
// Set before anything reads the configuration: CertDesk talks to this PowerDNS only, and
// its pre-check asks it as the zones' authoritative server.
Object.assign(
  process.env,
  certDeskOverPowerDns(env.pdns, {
    nameservers: ["ns1.certdesk.test"],
    validationDelegationZone: "validation.certdesk.test",
  }),
);

const clock = vi.hoisted(() => ({ now: new Date("2026-06-15T08:00:00Z") }));
vi.mock("@/lib/clock", () => ({
  now: async () => clock.now,
  systemNow: () => new Date(),
  isClockSimulated: async () => false,
  getClockOffsetMs: async () => 0,
}));

// Between two steps of a run the test may act (stop Pebble, change the customer's record):
// the real functions run, the hook only after or before them.
const hooks = vi.hoisted(() => ({
  afterOrderCreated: null as (() => Promise<void>) | null,
  beforeChallengesAnswered: null as (() => Promise<void>) | null,
}));
vi.mock("@/lib/acme/create-acme-order", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/acme/create-acme-order")>();
  return {
    ...original,
    createAcmeOrder: async (...args: Parameters<typeof original.createAcmeOrder>) => {
      const created = await original.createAcmeOrder(...args);
      const hook = hooks.afterOrderCreated;
      hooks.afterOrderCreated = null;
      await hook?.();
      return created;
    },
  };
});
vi.mock("@/lib/acme/answer-acme-challenges", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/acme/answer-acme-challenges")>();
  return {
    ...original,
    answerAcmeChallenges: async (...args: Parameters<typeof original.answerAcmeChallenges>) => {
      const hook = hooks.beforeChallengesAnswered;
      hooks.beforeChallengesAnswered = null;
      await hook?.();
      return original.answerAcmeChallenges(...args);
    },
  };
});

const { getCertificateDetail } = await import("@/lib/certificates/get-certificate-detail");
const { db } = await import("@/lib/db/client");
const { lookupTxt } = await import("@/lib/dns/lookup-txt");
const { addHostedZone } = await import("@/lib/dns-hosting/add-hosted-zone");
const { addValidationDelegation } = await import("@/lib/dns-hosting/add-validation-delegation");
const { checkValidationDelegation } = await import("@/lib/dns-hosting/check-validation-delegation");
const { issuerInputSchema } = await import("@/lib/issuers/issuer-input");
const { saveIssuer } = await import("@/lib/issuers/save-issuer");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { verifyRenewalNow } = await import("@/lib/renewal/verify-renewal-now");
const { acmeAdvanceLockName } = await import("@/lib/issuance/advance-acme-certificate");
const { createTestCertificate, createTestUser, fundAccount, seedTestCatalogue, TEST_NOW } = await import(
  "@/testing/factories"
);
const {
  acmeTestOrder,
  expectIssuedByPebble: issuedByPebble,
  expectPebbleChain: pebbleChain,
} = await import("@/testing/acme-issued-orders");

let productId: string;
let issuerId: string;

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
  issuerId = issuer.id;
  await db.price.update({ where: { id: productId }, data: { issuerId: issuer.id } });
}, 60_000);
afterAll(() => env.close());
// A hook a failed test did not reach must not act in the next one.
afterEach(() => {
  hooks.afterOrderCreated = null;
  hooks.beforeChallengesAnswered = null;
});

const dns = (name: string) => lookupTxt(name, { resolver: env.pdns.dnsAddress });
const order = (name: string, idempotencyKey: string) =>
  acmeTestOrder({ productId, name, idempotencyKey, now: () => clock.now });
const pebble = async () => ({ rootPem: await env.pebble.rootCertificatePem(), issuerId });
const expectPebbleChain = async (id: string, name: string) => pebbleChain(id, name, await pebble());
const expectIssuedByPebble = async (id: string, name: string) => issuedByPebble(id, name, await pebble());
const runJob = async () => executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);

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
    // The customer is told once which record to add: the CA's, as the page shows it.
    const notices = await db.notification.findMany({ where: { certificateId: placed.certificateId } });
    expect(notices.map((notice) => [notice.kind, notice.params])).toEqual([
      [
        "ORDER_VALIDATION_NEEDED",
        expect.objectContaining({
          method: "DNS",
          recordNames: "_acme-challenge.shop.acme-customer.test",
          recordValue: waiting.validationRecordValue,
        }),
      ],
    ]);

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

  it("Pebble stopped after the order is made, before it is answered: pending and paid once; the next run completes it", async () => {
    const { owner, old } = await dueAcmeRenewal("www.acme-midrun.test", "acme-midrun.test");
    hooks.afterOrderCreated = () => env.pebble.stop();
    try {
      const run = await runJob();
      expect(run.status).toBe("SUCCEEDED");
      expect(run.counts).toMatchObject({ deducted: 1, issued: 0 });
      const renewal = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: old.id } });
      expect(renewal.status).toBe("PENDING_VALIDATION");
      const pending = await db.certificate.findUniqueOrThrow({ where: { id: renewal.newCertificateId ?? "" } });
      expect(pending).toMatchObject({ acmeFailureReason: "CA_UNREACHABLE", acmeAttempts: 1, issuerId });
      expect((pending.acmeOrder as { status: string } | null)?.status).toBe("pending");
    } finally {
      await env.pebble.start();
    }
    expect(hooks.afterOrderCreated).toBeNull();

    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
    const later = await runJob();
    expect(later.errors).toEqual([]);
    expect(later.counts).toMatchObject({ deducted: 0, issued: 1 });
    const renewal = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: old.id } });
    expect(renewal.status).toBe("ISSUED");
    await expectPebbleChain(renewal.newCertificateId ?? "", "www.acme-midrun.test");
    await expectChargedOnce(owner.id, old.id);
    expect(await dns("_acme-challenge.www.acme-midrun.test")).toEqual([]);
  });

  it("the CA fails the order (record wrong): the customer is told once; fixed, Verify now starts a new order and issues", async () => {
    clock.now = TEST_NOW;
    await env.pdns.createZone("acme-wrong.test");
    const { owner, place } = await order("shop.acme-wrong.test", "acme-wrong-1");
    const placed = await place();
    expect((await runJob()).status).toBe("SUCCEEDED");
    const waiting = await db.certificate.findUniqueOrThrow({ where: { id: placed.certificateId } });
    const setRecord = (value: string) =>
      env.pdns.setRecords("acme-wrong.test", {
        name: "_acme-challenge.shop.acme-wrong.test",
        type: "TXT",
        contents: [`"${value}"`],
      });
    await setRecord(waiting.validationRecordValue ?? "");
    // Right when CertDesk looked, wrong when the CA does (the customer edited it meanwhile).
    hooks.beforeChallengesAnswered = () => setRecord("not-the-value");
    expect((await runJob()).status).toBe("SUCCEEDED");
    const failed = await db.certificate.findUniqueOrThrow({ where: { id: placed.certificateId } });
    expect(failed).toMatchObject({ status: "PENDING_VALIDATION", acmeFailureReason: "RECORD_NOT_FOUND" });
    const failureNotices = () =>
      db.notification.findMany({ where: { certificateId: placed.certificateId, kind: "VALIDATION_FAILED" } });
    expect((await failureNotices()).map((notice) => notice.params)).toEqual([
      expect.objectContaining({
        reason: "RECORD_NOT_FOUND",
        recordNames: "_acme-challenge.shop.acme-wrong.test",
        recordValue: waiting.validationRecordValue,
      }),
    ]);
    // The job does not start over by itself, and tells no one twice.
    expect((await runJob()).status).toBe("SUCCEEDED");
    expect(await failureNotices()).toHaveLength(1);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: placed.certificateId } })).acmeOrder).toEqual(
      failed.acmeOrder,
    );

    // Someone else's "Verify now" finds nothing.
    const stranger = await createTestUser();
    await expect(
      verifyRenewalNow({ ownerId: stranger.id, certificateId: placed.certificateId, now: clock.now }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The owner's: a new order, whose record is not there yet.
    expect(await verifyRenewalNow({ ownerId: owner.id, certificateId: placed.certificateId, now: clock.now })).toEqual({
      outcome: "not-found",
    });
    const again = await db.certificate.findUniqueOrThrow({ where: { id: placed.certificateId } });
    expect(again.acmeFailureReason).toBeNull();
    expect(again.validationRecordValue).not.toBe(waiting.validationRecordValue);
    // The new order's record is sent too: the one notified first is no longer the one to add.
    const asked = await db.notification.findMany({
      where: { certificateId: placed.certificateId, kind: "ORDER_VALIDATION_NEEDED" },
    });
    expect(asked.map((notice) => (notice.params as { recordValue: string }).recordValue).sort()).toEqual(
      [waiting.validationRecordValue, again.validationRecordValue].sort(),
    );
    await setRecord(again.validationRecordValue ?? "");
    expect(await verifyRenewalNow({ ownerId: owner.id, certificateId: placed.certificateId, now: clock.now })).toEqual({
      outcome: "issued",
    });
    await expectIssuedByPebble(placed.certificateId, "shop.acme-wrong.test");
  });
});

describe("renewals over ACME", () => {
  it("an auto-renewing certificate of the ACME product on a hosted domain: charged once, renewed by Pebble as it issues", async () => {
    const { owner, old } = await dueAcmeRenewal("www.acme-renew.test", "acme-renew.test");
    const run = await runJob();
    expect(run.errors).toEqual([]);
    expect(run.counts).toMatchObject({ deducted: 1, issued: 1 });

    const renewal = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: old.id } });
    expect(renewal.status).toBe("ISSUED");
    const newId = renewal.newCertificateId ?? "";
    const { certificate, leaf } = await expectPebbleChain(newId, "www.acme-renew.test");
    // The CA decides the validity (Pebble: 90 days from issuance), not old expiry + 1 year.
    expect(certificate.expiresAt?.toISOString()).toBe(new Date(leaf.validTo).toISOString());
    expect(new Date(leaf.validTo).getTime() - new Date(leaf.validFrom).getTime()).toBeLessThan(91 * 86_400_000);
    expect(certificate.validationMethod).toBe("DNS_AUTO");
    expect(certificate.validationRecordName).toBe("_acme-challenge.www.acme-renew.test");
    expect(
      (await db.notification.findMany({ where: { certificateId: newId }, orderBy: { kind: "asc" } })).map(
        (notice) => notice.kind,
      ),
    ).toEqual(["RENEWAL_DEDUCTED", "RENEWAL_ISSUED"]);
    // The CA's record was written and is gone; no _dnsauth record was ever made.
    expect(await dns("_acme-challenge.www.acme-renew.test")).toEqual([]);
    expect(await dns("_dnsauth.www.acme-renew.test")).toEqual([]);
    expect(await db.dnsRecord.count({ where: { certificateId: newId } })).toBe(0);

    expect((await runJob()).status).toBe("SUCCEEDED");
    await expectChargedOnce(owner.id, old.id);
  });

  it("a third-party domain's renewal: the notice and the page name the CA's record; Verify now issues it once added", async () => {
    await env.pdns.createZone("acme-renew-customer.test");
    const { owner, old } = await dueAcmeRenewal("www.acme-renew-customer.test");
    expect((await runJob()).status).toBe("SUCCEEDED");
    const renewal = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: old.id } });
    const newId = renewal.newCertificateId ?? "";
    const waiting = await db.certificate.findUniqueOrThrow({ where: { id: newId } });
    expect(waiting).toMatchObject({
      status: "PENDING_VALIDATION",
      validationMethod: "DNS",
      validationRecordName: "_acme-challenge.www.acme-renew-customer.test",
    });
    const record = { name: "_acme-challenge.www.acme-renew-customer.test", value: waiting.validationRecordValue };
    const notices = await db.notification.findMany({
      where: { certificateId: newId, kind: "VALIDATION_RECORD_NEEDED" },
    });
    expect(notices.map((notice) => notice.params)).toEqual([
      expect.objectContaining({ recordNames: record.name, recordValue: record.value, certificateId: old.id }),
    ]);
    const detail = await getCertificateDetail(owner.id, newId, clock.now);
    expect(detail?.validation.targets).toEqual([
      expect.objectContaining({ kind: "DNS", ...record, addedForYou: false }),
    ]);

    // While another caller is advancing it (the job, a second click), Verify now does not start a second advance.
    await db.$transaction(async (tx) => {
      const [held] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${acmeAdvanceLockName(newId)}, 0)) AS locked`;
      expect(held?.locked).toBe(true);
      expect(await verifyRenewalNow({ ownerId: owner.id, certificateId: newId, now: clock.now })).toEqual({
        outcome: "in-progress",
      });
    });
    expect(await verifyRenewalNow({ ownerId: owner.id, certificateId: newId, now: clock.now })).toEqual({
      outcome: "not-found",
    });
    await env.pdns.setRecords("acme-renew-customer.test", {
      name: record.name,
      type: "TXT",
      contents: [`"${record.value}"`],
    });
    // No job run: the customer's "Verify now" takes the order to the end.
    expect(await verifyRenewalNow({ ownerId: owner.id, certificateId: newId, now: clock.now })).toEqual({
      outcome: "issued",
    });
    await expectPebbleChain(newId, "www.acme-renew-customer.test");
    expect((await db.renewalOrder.findUniqueOrThrow({ where: { id: renewal.id } })).status).toBe("ISSUED");
    await expectChargedOnce(owner.id, old.id);
  });

  it("a third-party domain delegated by CNAME: CertDesk writes the CA's value behind it; the renewal needs no hand work", async () => {
    await env.pdns.createZone("acme-delegated.test");
    const { owner, old } = await dueAcmeRenewal("shop.acme-delegated.test");
    const delegation = await addValidationDelegation({
      ownerId: owner.id,
      domain: "shop.acme-delegated.test",
      actorId: owner.id,
      ip: null,
      now: clock.now,
    });
    // The customer's one-time CNAME at their own DNS host.
    await env.pdns.setRecords("acme-delegated.test", {
      name: "_acme-challenge.shop.acme-delegated.test",
      type: "CNAME",
      contents: [`${delegation.target}.`],
    });
    expect(
      await checkValidationDelegation({ ownerId: owner.id, delegationId: delegation.id, now: clock.now }),
    ).toMatchObject({ seenTarget: delegation.target });

    const run = await runJob();
    expect(run.errors).toEqual([]);
    expect(run.counts).toMatchObject({ deducted: 1, issued: 1 });
    const renewal = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: old.id } });
    expect(renewal.status).toBe("ISSUED");
    const newId = renewal.newCertificateId ?? "";
    const { certificate } = await expectPebbleChain(newId, "shop.acme-delegated.test");
    expect(certificate.validationMethod).toBe("DNS_AUTO");
    expect(await db.notification.count({ where: { certificateId: newId, kind: "VALIDATION_RECORD_NEEDED" } })).toBe(0);
    // The value behind the CNAME is gone again; the CNAME itself is the customer's and stays.
    expect(await dns(delegation.target)).toEqual([]);
    await expectChargedOnce(owner.id, old.id);
  });
});

/** An issued, auto-renewing certificate of the ACME product, with the clock at its deduction time. */
async function dueAcmeRenewal(domain: string, hostedZone?: string) {
  clock.now = TEST_NOW;
  const owner = await createTestUser();
  await fundAccount(owner.id, 20_000);
  if (hostedZone)
    await addHostedZone({ ownerId: owner.id, name: hostedZone, actorId: owner.id, ip: null, now: clock.now });
  const old = await createTestCertificate(owner.id, { domain, autoRenewState: "ON", expiresInDays: 60 });
  clock.now = new Date((old.expiresAt ?? TEST_NOW).getTime() - 30 * 86_400_000);
  return { owner, old };
}

/** One renewal fee for the certificate in the ledger, and the balance it left. */
async function expectChargedOnce(ownerId: string, certificateId: string) {
  const entries = await db.ledgerEntry.findMany({ where: { certificateId } });
  expect(entries.map((entry) => [entry.kind, entry.amountMinor])).toEqual([["RENEWAL_DEDUCTION", -2_900]]);
  const account = await db.billingAccount.findUniqueOrThrow({ where: { ownerId } });
  expect(account.balanceMinor).toBe(20_000 - 2_900);
  expect(await db.renewalOrder.count({ where: { certificateId } })).toBe(1);
}
