// An RFC 2136 server refusing CertDesk's TSIG key (PowerDNS: the key name it knows, signed
// with another secret): the hosted renewal's record is never written, the job run reports
// the refusal, and nothing is marked validated.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type PowerDnsServer, startPowerDns } from "@/testing/servers/start-powerdns";

const pdns: PowerDnsServer = await startPowerDns();
await pdns.createZone("tsig-shop.test");
await pdns.createTsigKey("certdesk-key", "hmac-sha256");
await pdns.allowUpdates("tsig-shop.test", ["certdesk-key"]);
Object.assign(process.env, {
  DNS_PROVIDER: "rfc2136",
  RFC2136_SERVER: pdns.dnsAddress,
  RFC2136_TSIG_KEY_NAME: "certdesk-key",
  RFC2136_TSIG_SECRET: randomBytes(32).toString("base64"),
  HOSTED_ZONE_NAMESERVERS: "ns1.certdesk.test",
  DNS_RESOLVER: pdns.dnsAddress,
});

const clock = vi.hoisted(() => ({ now: new Date("2026-06-15T08:00:00Z") }));
vi.mock("@/lib/clock", () => ({
  now: async () => clock.now,
  systemNow: () => new Date(),
  isClockSimulated: async () => false,
  getClockOffsetMs: async () => 0,
}));

const { db } = await import("@/lib/db/client");
const { lookupTxt } = await import("@/lib/dns/lookup-txt");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } = await import(
  "@/testing/factories"
);

afterAll(() => pdns.stop());
beforeAll(seedTestPrices);

describe("an RFC 2136 server refusing CertDesk's TSIG key", () => {
  it("reports the refused update and marks nothing validated", async () => {
    clock.now = TEST_NOW;
    const owner = await createTestUser();
    await fundAccount(owner.id, 10_000);
    await db.hostedZone.create({ data: { ownerId: owner.id, name: "tsig-shop.test", createdAt: TEST_NOW } });
    const due = await createTestCertificate(owner.id, {
      autoRenewState: "ON",
      expiresInDays: 29,
      domain: "tsig-shop.test",
    });

    const run = await executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);
    expect(run.status).toBe("SUCCEEDED");
    expect(run.counts.validated).toBe(0);
    const renewal = await db.certificate.findFirstOrThrow({ where: { renewsId: due.id } });
    expect(run.errors).toContainEqual({
      step: "validate",
      certificateId: renewal.id,
      message: expect.stringMatching(/PROVIDER_FAILED.*REFUSED/),
    });
    expect(renewal).toMatchObject({ status: "DNS_RECORD_ADDED", validatedAt: null, issuedAt: null });
    expect(await db.dnsRecord.findFirstOrThrow({ where: { certificateId: renewal.id } })).toMatchObject({
      state: "PENDING",
    });
    expect(await lookupTxt("_dnsauth.tsig-shop.test", { resolver: pdns.dnsAddress })).toEqual([]);
  });
});
