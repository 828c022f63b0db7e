// DNS hosting against a real PowerDNS (Debian's pdns-server): zones CertDesk creates there,
// validation records written through its API by the renewal job and removed after
// validation, and the CNAME path for a domain whose DNS is elsewhere (here: another zone
// of the same server, written by the test as the customer's DNS host would).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { certDeskOverPowerDns, type PowerDnsServer, startPowerDns } from "@/testing/servers/start-powerdns";

const NAMESERVERS = ["ns1.certdesk.test", "ns2.certdesk.test"];
const VALIDATION_ZONE = "validation.certdesk.test";

const pdns: PowerDnsServer = await startPowerDns();
// Set before anything reads the configuration: CertDesk talks to this server only, and
// delegation and CNAME checks ask it in place of the parent zones' servers.
Object.assign(
  process.env,
  certDeskOverPowerDns(pdns, { nameservers: NAMESERVERS, validationDelegationZone: VALIDATION_ZONE }),
);

const clock = vi.hoisted(() => ({ now: new Date("2026-06-15T08:00:00Z") }));
vi.mock("@/lib/clock", () => ({
  now: async () => clock.now,
  systemNow: () => new Date(),
  isClockSimulated: async () => false,
  getClockOffsetMs: async () => 0,
}));

const { db } = await import("@/lib/db/client");
const { lookupTxt } = await import("@/lib/dns/lookup-txt");
const { syncDnsRecords } = await import("@/lib/dns/sync-dns-records");
const { addHostedZone } = await import("@/lib/dns-hosting/add-hosted-zone");
const { addValidationDelegation } = await import("@/lib/dns-hosting/add-validation-delegation");
const { checkValidationDelegation } = await import("@/lib/dns-hosting/check-validation-delegation");
const { removeHostedZone } = await import("@/lib/dns-hosting/remove-hosted-zone");
const { AppError } = await import("@/lib/errors");
const { placeCertificateOrder } = await import("@/lib/orders/place-certificate-order");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { deductDueRenewals } = await import("@/lib/renewal-job/deduct-due-renewals");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { createTestCertificate, createTestUser, fundAccount, seedTestCatalogue, seedTestPrices, TEST_NOW } =
  await import("@/testing/factories");

afterAll(() => pdns.stop());
beforeAll(seedTestPrices);

const dns = (name: string) => lookupTxt(name, { resolver: pdns.dnsAddress });
const runJob = async () => executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);

async function appErrorOf(promise: Promise<unknown>): Promise<InstanceType<typeof AppError>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as InstanceType<typeof AppError>;
}

type ZoneJson = { rrsets: { name: string; type: string; records: { content: string }[] }[] };
const zoneOnServer = (name: string) => pdns.api("GET", `/zones/${name}.`) as Promise<ZoneJson>;

describe("DNS hosting over PowerDNS", () => {
  it("creates the zone in PowerDNS with the name servers to set at the registrar, and sees the delegation", async () => {
    const owner = await createTestUser();
    const zone = await addHostedZone({
      ownerId: owner.id,
      name: "Shop-One.test.",
      actorId: owner.id,
      ip: null,
      now: TEST_NOW,
    });

    expect(zone).toMatchObject({ name: "shop-one.test", removing: false });
    const onServer = await zoneOnServer("shop-one.test");
    const ns = onServer.rrsets.find((rrset) => rrset.type === "NS")?.records.map((record) => record.content);
    expect(ns?.sort()).toEqual(["ns1.certdesk.test.", "ns2.certdesk.test."]);
    // The server asked stands in for the parent zone, and names exactly our name servers.
    expect(zone).toMatchObject({ delegationStatus: "DELEGATED", seenNameservers: NAMESERVERS });
    expect(await db.auditLog.count({ where: { action: "dnsZone.add", targetId: zone.id } })).toBe(1);
  });

  it("refuses a zone that is on the server already, one inside another customer's zone, and a taken name", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    await pdns.createZone("made-by-hand.test");
    const onServer = await appErrorOf(
      addHostedZone({ ownerId: owner.id, name: "made-by-hand.test", actorId: owner.id, ip: null, now: TEST_NOW }),
    );
    expect(onServer.code).toBe("DNS_ZONE_ON_SERVER");
    expect(await db.hostedZone.count({ where: { name: "made-by-hand.test" } })).toBe(0);

    await addHostedZone({ ownerId: other.id, name: "theirs.test", actorId: other.id, ip: null, now: TEST_NOW });
    const taken = await appErrorOf(
      addHostedZone({ ownerId: owner.id, name: "theirs.test", actorId: owner.id, ip: null, now: TEST_NOW }),
    );
    expect(taken.code).toBe("DNS_ZONE_TAKEN");
    const inside = await appErrorOf(
      addHostedZone({ ownerId: owner.id, name: "shop.theirs.test", actorId: owner.id, ip: null, now: TEST_NOW }),
    );
    expect(inside.code).toBe("DNS_ZONE_OVERLAPS");
    const delegated = await appErrorOf(
      addValidationDelegation({
        ownerId: owner.id,
        domain: "shop.theirs.test",
        actorId: owner.id,
        ip: null,
        now: TEST_NOW,
      }),
    );
    expect(delegated).toMatchObject({ code: "DNS_ZONE_TAKEN", details: { name: "theirs.test" } });
    expect(await db.validationDelegation.count({ where: { ownerId: owner.id } })).toBe(0);
  });

  it("writes a renewal's validation record to PowerDNS, validates through it, and removes it afterwards", async () => {
    clock.now = TEST_NOW;
    const owner = await createTestUser();
    await fundAccount(owner.id, 10_000);
    await addHostedZone({ ownerId: owner.id, name: "renew-me.test", actorId: owner.id, ip: null, now: TEST_NOW });
    const due = await createTestCertificate(owner.id, {
      autoRenewState: "ON",
      expiresInDays: 29,
      domain: "www.renew-me.test",
    });

    const charging = await createJobRun({ trigger: "cron", triggeredById: null });
    await deductDueRenewals({ now: TEST_NOW, jobRunId: charging.id });
    const renewal = await db.certificate.findFirstOrThrow({ where: { renewsId: due.id } });
    expect(renewal.validationRecordName).toBe("_dnsauth.www.renew-me.test");
    const queued = await db.dnsRecord.findFirstOrThrow({ where: { certificateId: renewal.id } });
    expect(queued.state).toBe("PENDING");
    // Queued in the charge's transaction, not yet on the server.
    expect(await dns("_dnsauth.www.renew-me.test")).toEqual([]);

    const synced = await syncDnsRecords({ realNow: new Date() });
    expect(synced).toMatchObject({ published: 1, failures: [] });
    expect(await dns("_dnsauth.www.renew-me.test")).toEqual([renewal.validationRecordValue]);

    const run = await runJob();
    expect(run.status).toBe("SUCCEEDED");
    expect(run.counts).toMatchObject({ validated: 1, issued: 1, dnsRecordsRemoved: 1 });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: renewal.id } })).toMatchObject({ status: "ISSUED" });
    expect(await dns("_dnsauth.www.renew-me.test")).toEqual([]);
    expect(await db.dnsRecord.count({ where: { certificateId: renewal.id } })).toBe(0);
  });

  it("orders a certificate for a hosted name: its record goes to PowerDNS, it is issued, and the record goes after", async () => {
    clock.now = TEST_NOW;
    const products = await seedTestCatalogue();
    const owner = await createTestUser();
    await fundAccount(owner.id, 20_000);
    await addHostedZone({ ownerId: owner.id, name: "order-me.test", actorId: owner.id, ip: null, now: TEST_NOW });

    const outcome = await placeCertificateOrder({
      ownerId: owner.id,
      actorId: owner.id,
      ip: null,
      now: TEST_NOW,
      order: {
        idempotencyKey: "order-me-1",
        flow: "PURCHASE",
        productId: products.dnspodSingle,
        domainCount: 1,
        names: ["shop.order-me.test"],
        validationMethod: "DNS",
        key: { source: "GENERATE", algorithm: "ECDSA_P256" },
        autoRenew: false,
      },
    });
    if (outcome.status !== "placed") throw new Error(`not placed: ${JSON.stringify(outcome)}`);
    expect(outcome.issued).toBe(true);
    const certificate = await db.certificate.findUniqueOrThrow({ where: { id: outcome.certificateId } });
    // Validated by reading it back from PowerDNS, where the check wrote it.
    expect(await dns("_dnsauth.shop.order-me.test")).toEqual([certificate.validationRecordValue]);

    const run = await runJob();
    expect(run.counts.dnsRecordsRemoved).toBeGreaterThanOrEqual(1);
    expect(await dns("_dnsauth.shop.order-me.test")).toEqual([]);
  });

  it("validates a third-party domain through its _acme-challenge CNAME into the validation zone", async () => {
    clock.now = TEST_NOW;
    const owner = await createTestUser();
    await fundAccount(owner.id, 10_000);
    // The customer's own DNS host, outside CertDesk.
    await pdns.createZone("customer-shop.test");

    const delegation = await addValidationDelegation({
      ownerId: owner.id,
      domain: "shop.customer-shop.test",
      actorId: owner.id,
      ip: null,
      now: TEST_NOW,
    });
    expect(delegation).toMatchObject({
      recordName: "_acme-challenge.shop.customer-shop.test",
      verifiedAt: null,
      seenTarget: null,
    });
    expect(delegation.target).toMatch(/^[0-9a-f]{24}\.validation\.certdesk\.test$/);
    // CertDesk made its validation zone on the server for the CNAMEs to point into.
    expect((await zoneOnServer(VALIDATION_ZONE)).rrsets.some((rrset) => rrset.type === "SOA")).toBe(true);

    await pdns.setRecords("customer-shop.test", {
      name: "_acme-challenge.shop.customer-shop.test",
      type: "CNAME",
      contents: [`${delegation.target}.`],
    });
    const checked = await checkValidationDelegation({ ownerId: owner.id, delegationId: delegation.id, now: TEST_NOW });
    expect(checked).toMatchObject({ verifiedAt: TEST_NOW.toISOString(), seenTarget: delegation.target });

    const due = await createTestCertificate(owner.id, {
      autoRenewState: "ON",
      expiresInDays: 29,
      domain: "shop.customer-shop.test",
    });
    const run = await runJob();
    expect(run.status).toBe("SUCCEEDED");
    const renewal = await db.certificate.findFirstOrThrow({ where: { renewsId: due.id } });
    expect(renewal).toMatchObject({ status: "ISSUED" });
    const order = await db.renewalOrder.findFirstOrThrow({ where: { certificateId: due.id } });
    expect(order.newCertificateId).toBe(renewal.id);
    // The value was written at the CNAME's target and is gone again.
    expect(await dns(delegation.target)).toEqual([]);
    expect(await db.dnsRecord.count({ where: { name: delegation.target } })).toBe(0);
  });

  it("deletes a removed zone from PowerDNS", async () => {
    const owner = await createTestUser();
    const zone = await addHostedZone({
      ownerId: owner.id,
      name: "leaving.test",
      actorId: owner.id,
      ip: null,
      now: TEST_NOW,
    });
    expect(
      await removeHostedZone({ ownerId: owner.id, zoneId: zone.id, actorId: owner.id, ip: null, now: TEST_NOW }),
    ).toEqual({
      removed: true,
    });
    const zones = (await pdns.api("GET", "/zones?zone=leaving.test.")) as unknown[];
    expect(zones).toEqual([]);
    expect(await db.hostedZone.count({ where: { id: zone.id } })).toBe(0);
  });
});
