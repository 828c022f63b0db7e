// The renewal job's automatic deployment after renewal, against real servers (Debian's sshd
// and nginx on loopback ports): a run deducts, validates (a hosted domain), issues the renewal
// and deploys it to the target that served the old certificate, verifies that nginx serves
// it and tells the customer; a reload nginx refuses is rolled back (nginx keeps the old
// certificate) and the customer is told when it is tried again; a failure is retried by a
// later run once its backoff has passed; a deployment not served yet is re-checked by each
// run until it is.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LocalDnsServer } from "@/testing/local-dns-server";

process.env.DEPLOY_ALLOWED_NETWORKS = "127.0.0.1/32";
const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();

// The job's clock (its decisions) and wall time (leases, the retry schedule) are the test's.
const clock = vi.hoisted(() => ({ now: new Date("2026-06-15T08:00:00Z"), wallOffsetMs: 0 }));
vi.mock("@/lib/clock", () => ({
  now: async () => clock.now,
  systemNow: () => new Date(Date.now() + clock.wallOffsetMs),
  isClockSimulated: async () => false,
  getClockOffsetMs: async () => 0,
}));

const { db } = await import("@/lib/db/client");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { verifyDeployment } = await import("@/lib/deploy/verify-deployment");
const { createSshTargetInputSchema } = await import("@/lib/deployment-targets/deployment-target-input");
const { createSshTarget } = await import("@/lib/deployment-targets/create-ssh-target");
const { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } = await import(
  "@/testing/factories"
);
const { startDeploySite } = await import("@/testing/servers/start-deploy-site");
type SshTargetSettings = import("@/lib/deploy/deployment-contracts").SshTargetSettings;

const SITES = {
  auto: "www.job-auto.test",
  refused: "www.job-refused.test",
  retry: "www.job-retry.test",
  recheck: "www.job-recheck.test",
  other: "www.job-other.test",
} as const;
const site = await startDeploySite(Object.values(SITES));
afterAll(async () => {
  await site.stop();
  await dns.close();
});
beforeAll(seedTestPrices);

async function runJob() {
  return executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);
}

/**
 * A customer whose certificate for `domain` renews automatically and deploys automatically,
 * with an SSH target that serves it now: the job's next run renews it (the fee is due).
 */
async function autoDeployingCustomer(
  domain: string,
  settings: SshTargetSettings,
  options: { autoRollback?: boolean; serverName?: string } = {},
) {
  const user = await createTestUser();
  await fundAccount(user.id, 20_000);
  await db.hostedZone.create({ data: { ownerId: user.id, name: domain.split(".").slice(-2).join(".") } });
  const old = await createTestCertificate(user.id, {
    domain,
    autoRenewState: "ON",
    autoUpdateResources: true,
    expiresInDays: 20,
  });
  const key = settings.files.find((file) => file.kind === "privateKey");
  const chain = settings.files.find((file) => file.kind !== "privateKey");
  const created = await createSshTarget({
    ownerId: user.id,
    actorId: user.id,
    ip: null,
    now: TEST_NOW,
    target: createSshTargetInputSchema.parse({
      name: `server of ${domain}`,
      host: settings.host,
      port: settings.port,
      username: settings.username,
      authKind: "privateKey",
      privateKey: site.sshd.userKey.privateKey,
      hostKey: settings.hostKey,
      certificatePath: chain?.path,
      certificateMode: "0644",
      certificateContent: "fullChain",
      privateKeyPath: key?.path,
      privateKeyMode: "0600",
      reloadCommand: settings.reloadCommand,
      autoRollback: options.autoRollback ?? true,
      endpoints: [site.endpoint(options.serverName ?? domain)],
    }),
  });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  // It serves the old certificate (its files were there before CertDesk).
  await db.deploymentTarget.update({ where: { id: created.targetId }, data: { certificateId: old.id } });
  return { user, old, targetId: created.targetId };
}

async function renewalOf(certificateId: string) {
  const order = await db.renewalOrder.findFirstOrThrow({ where: { certificateId } });
  return db.certificate.findUniqueOrThrow({ where: { id: order.newCertificateId } });
}

async function serves(serverName: string, certificate: { certificatePem: string | null; chainPem: string | null }) {
  const verification = await verifyDeployment({
    bundle: {
      certificatePem: certificate.certificatePem ?? "",
      chainPem: certificate.chainPem ?? "",
      privateKeyPem: "",
    },
    endpoints: [site.endpoint(serverName)],
  });
  return verification.status === "SERVING";
}

const servesOld = (serverName: keyof typeof site.oldBundles) => {
  const bundle = site.oldBundles[serverName];
  if (!bundle) throw new Error(`no site ${serverName}`);
  return serves(serverName, { certificatePem: bundle.certificatePem, chainPem: bundle.chainPem });
};

describe("automatic deployment after renewal", () => {
  it("deploys the renewal issued by the run to the target that served the old certificate, verifies it and tells the customer", async () => {
    clock.now = TEST_NOW;
    const { user, old, targetId } = await autoDeployingCustomer(SITES.auto, site.sshTarget(SITES.auto));

    const run = await runJob();

    expect(run.status).toBe("SUCCEEDED");
    expect(run.counts).toMatchObject({ issued: expect.any(Number), deployed: expect.any(Number) });
    expect(run.counts.deployed).toBeGreaterThanOrEqual(1);
    const renewal = await renewalOf(old.id);
    expect(renewal.status).toBe("ISSUED");
    expect(await serves(SITES.auto, renewal)).toBe(true);
    const deployment = await db.targetDeployment.findFirstOrThrow({ where: { targetId } });
    expect(deployment).toMatchObject({
      certificateId: renewal.id,
      previousCertificateId: old.id,
      trigger: "RENEWAL",
      actorId: null,
      status: "DEPLOYED",
      verificationStatus: "SERVING",
      attempts: 1,
    });
    expect((await db.deploymentTarget.findUniqueOrThrow({ where: { id: targetId } })).certificateId).toBe(renewal.id);
    const notice = await db.notification.findFirstOrThrow({
      where: { ownerId: user.id, kind: "CERTIFICATE_DEPLOYED" },
    });
    expect(notice).toMatchObject({
      certificateId: renewal.id,
      params: expect.objectContaining({ domain: SITES.auto, target: `server of ${SITES.auto}`, verified: true }),
    });

    // The next run leaves it be.
    await runJob();
    expect(await db.targetDeployment.count({ where: { targetId } })).toBe(1);
    expect(await db.notification.count({ where: { ownerId: user.id, kind: "CERTIFICATE_DEPLOYED" } })).toBe(1);
  });

  it("rolls back a reload nginx refuses: nginx keeps serving the old certificate, and the customer is told", async () => {
    clock.now = TEST_NOW;
    // The key where nginx reads its certificate and the other way round.
    const paths = site.paths(SITES.refused);
    const swapped = site.sshTarget(SITES.refused, {
      files: [
        { kind: "fullChain", path: paths.key, mode: 0o644 },
        { kind: "privateKey", path: paths.fullChain, mode: 0o600 },
      ],
    });
    const { user, old, targetId } = await autoDeployingCustomer(SITES.refused, swapped);

    const run = await runJob();

    expect(run.counts.deployRetrying).toBeGreaterThanOrEqual(1);
    expect(await servesOld(SITES.refused)).toBe(true);
    const deployment = await db.targetDeployment.findFirstOrThrow({ where: { targetId } });
    expect(deployment).toMatchObject({ status: "PENDING", failureReason: "RELOAD_FAILED", attempts: 1 });
    expect(deployment.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
    const log = JSON.stringify(deployment.log);
    expect(log).toContain('"name":"reload-previous"');
    expect(log).toMatch(/PEM_read_bio|no start line|SSL_CTX_use/);
    const notice = await db.notification.findFirstOrThrow({ where: { ownerId: user.id, kind: "DEPLOYMENT_FAILED" } });
    expect(notice.params).toMatchObject({ reason: "RELOAD_FAILED", retryAt: deployment.nextAttemptAt?.toISOString() });
    // The target still serves the old certificate, as far as CertDesk knows too.
    expect((await db.deploymentTarget.findUniqueOrThrow({ where: { id: targetId } })).certificateId).toBe(old.id);
    // Its retries would put the broken files in place again on the nginx the next tests share,
    // failing their reloads at the same moment: parked beyond their runs.
    await db.targetDeployment.update({
      where: { id: deployment.id },
      data: { nextAttemptAt: new Date(Date.now() + 24 * 3_600_000) },
    });
  });

  it("retries a failed deployment at a later run once its backoff has passed", async () => {
    clock.now = TEST_NOW;
    clock.wallOffsetMs = 0;
    // The server's reload fails once (a configuration being edited, a full disk...), then works.
    const marker = path.join(site.dir, "reload-fails-once");
    await writeFile(marker, "");
    const flaky = site.sshTarget(SITES.retry, {
      reloadCommand: `if [ -e ${marker} ]; then rm ${marker}; echo "nginx: busy" >&2; exit 1; fi; ${site.nginx.reloadCommand}`,
    });
    const { user, old, targetId } = await autoDeployingCustomer(SITES.retry, flaky);

    await runJob();
    const failed = await db.targetDeployment.findFirstOrThrow({ where: { targetId } });
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, failureReason: "RELOAD_FAILED" });
    expect(await servesOld(SITES.retry)).toBe(true);

    // A run before the retry is due leaves it waiting.
    await runJob();
    expect(await db.targetDeployment.findFirstOrThrow({ where: { targetId } })).toMatchObject({ attempts: 1 });

    clock.wallOffsetMs = 2 * 60_000;
    const run = await runJob();
    expect(run.counts.deployed).toBeGreaterThanOrEqual(1);
    const retried = await db.targetDeployment.findFirstOrThrow({ where: { targetId } });
    expect(retried).toMatchObject({
      status: "DEPLOYED",
      verificationStatus: "SERVING",
      attempts: 2,
      failureReason: null,
    });
    expect(await serves(SITES.retry, await renewalOf(old.id))).toBe(true);
    const kinds = (
      await db.notification.findMany({
        where: { ownerId: user.id, kind: { in: ["DEPLOYMENT_FAILED", "CERTIFICATE_DEPLOYED"] } },
      })
    ).map((notice) => notice.kind);
    expect(kinds.sort()).toEqual(["CERTIFICATE_DEPLOYED", "DEPLOYMENT_FAILED"]);
    clock.wallOffsetMs = 0;
  });

  it("re-checks a deployment that is not served yet at every run until it is", async () => {
    clock.now = TEST_NOW;
    clock.wallOffsetMs = 0;
    // The endpoint named asks for another site, until the customer corrects it.
    const { user, old, targetId } = await autoDeployingCustomer(SITES.recheck, site.sshTarget(SITES.recheck), {
      autoRollback: false,
      serverName: SITES.other,
    });

    await runJob();
    expect(await db.targetDeployment.findFirstOrThrow({ where: { targetId } })).toMatchObject({
      status: "DEPLOYED",
      verificationStatus: "NOT_SERVING",
      failureReason: "NOT_SERVING",
    });
    const notServing = await db.notification.findFirstOrThrow({
      where: { ownerId: user.id, kind: "DEPLOYMENT_NOT_SERVING" },
    });
    expect(notServing.params).toMatchObject({ servedSerial: site.oldBundles[SITES.other]?.serialNumber });

    await db.deploymentTarget.update({ where: { id: targetId }, data: { endpoints: [site.endpoint(SITES.recheck)] } });
    const run = await runJob();
    expect(run.counts.reverified).toBe(1);
    expect(await db.targetDeployment.findFirstOrThrow({ where: { targetId } })).toMatchObject({
      status: "DEPLOYED",
      verificationStatus: "SERVING",
      failureReason: null,
    });
    expect(await db.notification.count({ where: { ownerId: user.id, kind: "CERTIFICATE_DEPLOYED" } })).toBe(1);
    expect((await renewalOf(old.id)).status).toBe("ISSUED");
  });
});
