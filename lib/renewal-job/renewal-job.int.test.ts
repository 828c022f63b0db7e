import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LocalDnsServer } from "@/testing/local-dns-server";

// Third-party domains are looked up at a DNS server the test controls.
const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();

// The job takes every decision with the app's clock; the test moves it.
const clock = vi.hoisted(() => ({ now: new Date("2026-06-15T08:00:00Z") }));
vi.mock("@/lib/clock", () => ({
  now: async () => clock.now,
  systemNow: () => new Date(),
  isClockSimulated: async () => false,
  getClockOffsetMs: async () => 0,
}));

const { db } = await import("@/lib/db/client");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { deductDueRenewals } = await import("@/lib/renewal-job/deduct-due-renewals");
const { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } = await import(
  "@/testing/factories"
);
const { expectBalancesMatchLedger } = await import("@/testing/ledger-invariant");
const { seedDueAutoRenewals } = await import("@/testing/seed-due-auto-renewals");
const { expectEachRenewedOnce } = await import("@/testing/expect-each-renewed-once");

const DAY = 86_400_000;
const at = (days: number) => new Date(TEST_NOW.getTime() + days * DAY);
async function runJob(trigger: "cron" | "admin" = "cron") {
  return executeJobRun((await createJobRun({ trigger, triggeredById: null })).id);
}

async function expectBalances(ownerIds: string[], balanceMinor: number): Promise<void> {
  for (const ownerId of ownerIds) {
    expect((await db.billingAccount.findUniqueOrThrow({ where: { ownerId } })).balanceMinor).toBe(balanceMinor);
  }
}

beforeAll(seedTestPrices);
afterAll(() => dns.close());

describe("renewal job: deduction 30 days before expiry", () => {
  it("charges a due certificate once, creates the renewal pending validation, and tells the customer", async () => {
    clock.now = TEST_NOW;
    const user = await createTestUser();
    await fundAccount(user.id, 10_000);
    const due = await createTestCertificate(user.id, { autoRenewState: "ON", expiresInDays: 29 });
    const notYet = await createTestCertificate(user.id, { autoRenewState: "ON", expiresInDays: 31 });

    const run = await runJob();
    expect(run.status).toBe("SUCCEEDED");
    expect(run.counts.deducted).toBeGreaterThanOrEqual(1);

    const order = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: due.id } });
    expect(order).toMatchObject({
      attempt: 1,
      trigger: "AUTO",
      status: "PENDING_VALIDATION",
      priceMinor: 2_900,
      jobRunId: run.id,
    });
    const renewal = await db.certificate.findUniqueOrThrow({ where: { id: order.newCertificateId } });
    expect(renewal).toMatchObject({
      renewsId: due.id,
      domain: due.domain,
      status: "PENDING_VALIDATION",
      validationMethod: "DNS",
      validationRecordName: `_dnsauth.${due.domain}`,
      validationDeadline: at(7),
    });
    expect(await db.renewalOrder.count({ where: { certificateId: notYet.id } })).toBe(0);
    expect(await db.billingAccount.findUniqueOrThrow({ where: { ownerId: user.id } })).toMatchObject({
      balanceMinor: 7_100,
    });
    expect(await db.ledgerEntry.findFirstOrThrow({ where: { renewalOrderId: order.id } })).toMatchObject({
      kind: "RENEWAL_DEDUCTION",
      amountMinor: -2_900,
      balanceAfterMinor: 7_100,
      idempotencyKey: `renewal:${due.id}:1`,
    });
    const kinds = (await db.notification.findMany({ where: { ownerId: user.id } })).map((n) => n.kind).sort();
    expect(kinds).toEqual(expect.arrayContaining(["RENEWAL_DEDUCTED", "VALIDATION_RECORD_NEEDED"]));

    // The next run changes nothing for it.
    await runJob();
    expect(await db.renewalOrder.count({ where: { certificateId: due.id } })).toBe(1);
    await expectBalancesMatchLedger();
  });

  it("ends auto-renewal without charging when the balance does not cover the fee", async () => {
    clock.now = TEST_NOW;
    const user = await createTestUser();
    await fundAccount(user.id, 2_899);
    const certificate = await createTestCertificate(user.id, { autoRenewState: "ON", expiresInDays: 20 });
    await runJob();
    expect(await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toMatchObject({
      autoRenewState: "TERMINATED",
      autoRenewEndReason: "INSUFFICIENT_BALANCE",
      autoRenewChangedAt: TEST_NOW,
    });
    expect(await db.renewalOrder.count({ where: { certificateId: certificate.id } })).toBe(0);
    expect((await db.billingAccount.findUniqueOrThrow({ where: { ownerId: user.id } })).balanceMinor).toBe(2_899);
    expect(
      await db.notification.findFirst({ where: { certificateId: certificate.id, kind: "AUTO_RENEW_TERMINATED" } }),
    ).toMatchObject({
      params: expect.objectContaining({ reason: "INSUFFICIENT_BALANCE" }),
    });
    await expectBalancesMatchLedger();
  });

  it("ends auto-renewal of a certificate that expired before any deduction", async () => {
    clock.now = TEST_NOW;
    const user = await createTestUser();
    await fundAccount(user.id, 50_000);
    const certificate = await createTestCertificate(user.id, { autoRenewState: "ON", expiresInDays: -1 });
    await runJob();
    expect(await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toMatchObject({
      autoRenewState: "TERMINATED",
      autoRenewEndReason: "EXPIRED_BEFORE_DEDUCTION",
    });
    expect((await db.billingAccount.findUniqueOrThrow({ where: { ownerId: user.id } })).balanceMinor).toBe(50_000);
  });

  it("validates a hosted domain by itself and issues the renewal until the old expiry plus one year", async () => {
    clock.now = TEST_NOW;
    const user = await createTestUser();
    await fundAccount(user.id, 20_000);
    await db.hostedZone.create({ data: { ownerId: user.id, name: "hosted-shop.test" } });
    const old = await createTestCertificate(user.id, {
      autoRenewState: "ON",
      domain: "*.hosted-shop.test",
      sans: ["hosted-shop.test"],
      domainType: "WILDCARD",
      expiresAt: new Date("2026-07-10T00:00:00Z"),
    });
    const run = await runJob();
    expect(run.counts).toMatchObject({ validated: expect.any(Number), issued: expect.any(Number) });

    const order = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: old.id } });
    expect(order.status).toBe("ISSUED");
    const renewal = await db.certificate.findUniqueOrThrow({
      where: { id: order.newCertificateId },
      omit: { privateKeyEncrypted: false },
    });
    expect(renewal).toMatchObject({
      status: "ISSUED",
      validationMethod: "DNS_AUTO",
      issuedAt: TEST_NOW,
      expiresAt: new Date("2027-07-10T00:00:00Z"),
      autoRenewState: "ON",
    });
    // The validation record was added for the renewal and is gone once it was validated.
    expect(
      await db.dnsRecord.findFirst({
        where: { name: "_dnsauth.hosted-shop.test", value: renewal.validationRecordValue ?? "" },
      }),
    ).toBeNull();
    expect(run.counts.dnsRecordsRemoved).toBeGreaterThanOrEqual(1);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: old.id } })).autoRenewState).toBe("OFF");

    // A real certificate: standard parser, names, validity, chain to our root.
    const leaf = new X509Certificate(renewal.certificatePem ?? "");
    const [intermediate, root] = (renewal.chainPem ?? "")
      .split(/(?<=-----END CERTIFICATE-----)\s*/)
      .filter(Boolean)
      .map((pem) => new X509Certificate(pem));
    expect(leaf.subjectAltName).toBe("DNS:*.hosted-shop.test, DNS:hosted-shop.test");
    expect(new Date(leaf.validTo).toISOString()).toBe("2027-07-10T00:00:00.000Z");
    expect(new Date(leaf.validFrom).toISOString()).toBe(TEST_NOW.toISOString());
    expect(intermediate && leaf.verify(intermediate.publicKey)).toBe(true);
    expect(root && intermediate?.verify(root.publicKey)).toBe(true);
    expect(root?.subject).toContain("CertDesk Local Root CA");
    expect(renewal.privateKeyEncrypted).not.toContain("PRIVATE KEY");
    expect(await db.notification.count({ where: { certificateId: renewal.id, kind: "RENEWAL_ISSUED" } })).toBe(1);
    await expectBalancesMatchLedger();
  });

  it("issues a third-party domain once its TXT record appears in DNS, and times out after 7 days with a refund", async () => {
    clock.now = TEST_NOW;
    const user = await createTestUser();
    await fundAccount(user.id, 10_000);
    const [published, forgotten] = await Promise.all([
      createTestCertificate(user.id, { autoRenewState: "ON", expiresInDays: 25, domain: "www.third-party.test" }),
      createTestCertificate(user.id, { autoRenewState: "ON", expiresInDays: 25, domain: "api.third-party.test" }),
    ]);
    await runJob();
    const renewalOf = async (id: string) => {
      const order = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: id } });
      return db.certificate.findUniqueOrThrow({ where: { id: order.newCertificateId } });
    };
    const pending = await renewalOf(published.id);
    expect(pending.status).toBe("PENDING_VALIDATION");
    expect((await db.billingAccount.findUniqueOrThrow({ where: { ownerId: user.id } })).balanceMinor).toBe(4_200);

    // The customer adds the record at their DNS provider; three days later the job finds it.
    dns.addRecord({
      name: pending.validationRecordName ?? "",
      type: "TXT",
      value: pending.validationRecordValue ?? "",
    });
    clock.now = at(3);
    await runJob();
    expect((await renewalOf(published.id)).status).toBe("ISSUED");
    expect((await renewalOf(forgotten.id)).status).toBe("PENDING_VALIDATION");

    // Seven days after creation the other one can no longer be issued: refunded, auto-renewal ended.
    clock.now = at(7);
    const late = await runJob();
    expect(late.counts.timedOut).toBeGreaterThanOrEqual(1);
    const failed = await renewalOf(forgotten.id);
    expect(failed.status).toBe("VALIDATION_FAILED");
    expect(await db.renewalOrder.findFirstOrThrow({ where: { newCertificateId: failed.id } })).toMatchObject({
      status: "TIMED_OUT",
    });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: forgotten.id } })).toMatchObject({
      autoRenewState: "TERMINATED",
      autoRenewEndReason: "VALIDATION_TIMED_OUT",
    });
    expect((await db.billingAccount.findUniqueOrThrow({ where: { ownerId: user.id } })).balanceMinor).toBe(7_100);
    expect(await db.ledgerEntry.count({ where: { kind: "REFUND", certificateId: forgotten.id } })).toBe(1);
    expect(await db.notification.count({ where: { certificateId: failed.id, kind: "VALIDATION_TIMED_OUT" } })).toBe(1);

    // A record that shows up after the deadline changes nothing, and nothing is refunded twice.
    dns.addRecord({ name: failed.validationRecordName ?? "", type: "TXT", value: failed.validationRecordValue ?? "" });
    clock.now = at(8);
    await runJob();
    expect((await renewalOf(forgotten.id)).status).toBe("VALIDATION_FAILED");
    expect(await db.ledgerEntry.count({ where: { kind: "REFUND", certificateId: forgotten.id } })).toBe(1);
    await expectBalancesMatchLedger();
  });

  it("sends each expiry reminder and balance warning once, however many runs see it", async () => {
    clock.now = TEST_NOW;
    const user = await createTestUser();
    const expiring = await createTestCertificate(user.id, { expiresInDays: 6 });
    const ignored = await createTestCertificate(user.id, { expiresInDays: 6, ignoreNotifications: true });
    const unfunded = await createTestCertificate(user.id, { autoRenewState: "ON", expiresInDays: 35 });
    await runJob();
    await runJob();
    const notices = await db.notification.findMany({ where: { ownerId: user.id } });
    expect(
      notices.filter((n) => n.certificateId === expiring.id).map((n) => [n.kind, (n.params as { days: number }).days]),
    ).toEqual([["EXPIRY_REMINDER", 7]]);
    expect(notices.filter((n) => n.certificateId === ignored.id)).toEqual([]);
    expect(
      notices.filter((n) => n.certificateId === unfunded.id).map((n) => [n.kind, (n.params as { days: number }).days]),
    ).toEqual([["BALANCE_WARNING", 7]]);
    clock.now = at(4.5);
    await runJob();
    const later = await db.notification.findMany({ where: { ownerId: user.id, certificateId: unfunded.id } });
    expect(later.map((n) => (n.params as { days: number }).days).sort()).toEqual([1, 7]);
  });
});

describe("renewal job: exactly once", () => {
  it("shares one run's deductions between lanes and charges every certificate once", async () => {
    clock.now = at(50);
    const { domainSuffix, ownerIds } = await seedDueAutoRenewals({
      label: "lanes",
      count: 180,
      fundPerOwnerMinor: 30 * 2_900,
      now: clock.now.getTime(),
    });
    const run = await createJobRun({ trigger: "cron", triggeredById: null });
    // Batches smaller than a lane's share, so every lane claims several times from its cursor.
    const result = await deductDueRenewals({ now: clock.now, jobRunId: run.id, batchSize: 7, lanes: 4 });
    expect(result).toMatchObject({ deducted: 180, terminatedInsufficientBalance: 0, errors: [] });
    await expectEachRenewedOnce(domainSuffix, 180);
    await expectBalances(ownerIds, 12 * 2_900);
  });

  it("makes exactly 1,000 deductions when 10 runs race over 1,000 due certificates", async () => {
    clock.now = at(100);
    const { domainSuffix, ownerIds } = await seedDueAutoRenewals({
      label: "exactly-once",
      count: 1_000,
      fundPerOwnerMinor: 100 * 2_900,
      now: clock.now.getTime(),
      owners: 20,
    });
    const runs = await Promise.all(Array.from({ length: 10 }, () => runJob()));
    expect(runs.every((run) => run.status === "SUCCEEDED")).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.counts.deducted, 0)).toBe(1_000);
    await expectEachRenewedOnce(domainSuffix, 1_000);
    await expectBalances(ownerIds, 50 * 2_900);
  }, 240_000);
});
