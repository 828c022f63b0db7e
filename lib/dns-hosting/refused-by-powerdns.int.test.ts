// PowerDNS refusing CertDesk (a wrong API key, e.g. after the operator rotated it): adding a
// domain says so and keeps nothing; a hosted renewal's record never reaches the server, the
// job run reports why, and nothing is marked validated.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { certDeskOverPowerDns, type PowerDnsServer, startPowerDns } from "@/testing/servers/start-powerdns";

const pdns: PowerDnsServer = await startPowerDns();
Object.assign(
  process.env,
  certDeskOverPowerDns(pdns, {
    nameservers: ["ns1.certdesk.test", "ns2.certdesk.test"],
    apiKey: "not-the-server-key",
  }),
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
const { addHostedZone } = await import("@/lib/dns-hosting/add-hosted-zone");
const { AppError } = await import("@/lib/errors");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } = await import(
  "@/testing/factories"
);

afterAll(() => pdns.stop());
beforeAll(seedTestPrices);

const runJob = async () => executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);

describe("PowerDNS refusing CertDesk's API key", () => {
  it("refuses to add a domain and keeps no claim on its name", async () => {
    const owner = await createTestUser();
    const error = await addHostedZone({
      ownerId: owner.id,
      name: "refused.test",
      actorId: owner.id,
      ip: null,
      now: TEST_NOW,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "DNS_SERVER_REFUSED" });
    expect(await db.hostedZone.count({ where: { name: "refused.test" } })).toBe(0);
    expect((await pdns.api("GET", "/zones?zone=refused.test.")) as unknown[]).toEqual([]);
  });

  it("reports the refused record on every run and marks nothing validated", async () => {
    clock.now = TEST_NOW;
    const owner = await createTestUser();
    await fundAccount(owner.id, 10_000);
    // Hosted while the key was right: the zone is on the server and in CertDesk.
    await pdns.createZone("rotated.test");
    await db.hostedZone.create({ data: { ownerId: owner.id, name: "rotated.test", createdAt: TEST_NOW } });
    const due = await createTestCertificate(owner.id, {
      autoRenewState: "ON",
      expiresInDays: 29,
      domain: "www.rotated.test",
    });

    for (const attempt of [1, 2]) {
      const run = await runJob();
      expect(run.status, `run ${attempt}`).toBe("SUCCEEDED");
      expect(run.counts.validated, `run ${attempt}`).toBe(0);
      const renewal = await db.certificate.findFirstOrThrow({ where: { renewsId: due.id } });
      expect(run.errors, `run ${attempt}`).toContainEqual({
        step: "validate",
        certificateId: renewal.id,
        message: expect.stringMatching(/PROVIDER_FAILED.*UNAUTHORIZED/),
      });
      expect(renewal).toMatchObject({ status: "DNS_RECORD_ADDED", validatedAt: null, issuedAt: null });
    }
    const renewal = await db.certificate.findFirstOrThrow({ where: { renewsId: due.id } });
    expect(await db.dnsRecord.findFirstOrThrow({ where: { certificateId: renewal.id } })).toMatchObject({
      state: "PENDING",
      lastError: expect.stringMatching(/^UNAUTHORIZED: .*401/),
    });
    expect(await lookupTxt("_dnsauth.www.rotated.test", { resolver: pdns.dnsAddress })).toEqual([]);
  });
});
