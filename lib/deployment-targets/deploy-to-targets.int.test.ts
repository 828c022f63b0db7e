// The console's deployment use cases against real servers: Debian's sshd and nginx on
// loopback ports (testing/servers), nginx serving the files the deployments replace. A target
// is added with the host key read from the server, a certificate of the built-in CA is
// deployed to it from the certificate page and nginx serves its serial ("serving"); a changed
// host key is refused with both fingerprints; a reload nginx refuses is rolled back
// automatically, or on request when the customer did not choose that; Verify re-checks; the
// address policy holds at save time and at every connection; credentials never come back.

import { readFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LocalDnsServer } from "@/testing/local-dns-server";

// The test servers listen on 127.0.0.1: they opt in through the allow-list, as an operator would.
process.env.DEPLOY_ALLOWED_NETWORKS = "127.0.0.1/32";
const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();

vi.mock("@/lib/clock", async () => {
  const { TEST_NOW } = await import("@/testing/factories");
  return { now: async () => TEST_NOW, systemNow: () => new Date(), isClockSimulated: async () => false };
});

const { db } = await import("@/lib/db/client");
const { fetchSshHostKey } = await import("@/lib/deploy/fetch-ssh-host-key");
const { verifyDeployment } = await import("@/lib/deploy/verify-deployment");
const { createSshTargetInputSchema, createWebhookTargetInputSchema } = await import(
  "@/lib/deployment-targets/deployment-target-input"
);
const { createSshTarget } = await import("@/lib/deployment-targets/create-ssh-target");
const { createWebhookTarget } = await import("@/lib/deployment-targets/create-webhook-target");
const { deployCertificateToTargets } = await import("@/lib/deployment-targets/deploy-certificate-to-targets");
const { verifyTargetDeployment } = await import("@/lib/deployment-targets/verify-target-deployment");
const { rollBackTargetDeployment } = await import("@/lib/deployment-targets/roll-back-target-deployment");
const { getCertificateTargetDeployments } = await import("@/lib/deployment-targets/get-certificate-target-deployments");
const { listDeploymentTargets } = await import("@/lib/deployment-targets/list-deployment-targets");
const { testDeploymentTarget } = await import("@/lib/deployment-targets/test-deployment-target");
const { sealSshCredentials } = await import("@/lib/deploy/deploy-credentials");
const { verifyWebhookSignature } = await import("@/lib/notifications/sign-webhook");
const { createTestUser, seedTestPrices, TEST_NOW } = await import("@/testing/factories");
const { createDeployableCertificate } = await import("@/testing/create-deployable-certificate");
const { startDeploySite } = await import("@/testing/servers/start-deploy-site");
type SshTargetSettings = import("@/lib/deploy/deployment-contracts").SshTargetSettings;

const SITE = "www.console-deploy.test";
const OTHER_SITE = "api.console-deploy.test";
const site = await startDeploySite([SITE, OTHER_SITE]);
afterAll(async () => {
  await site.stop();
  await dns.close();
});
// The sites' names are nginx's: one customer holds their zone and deploys their certificates.
let customer: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  await seedTestPrices();
  customer = await createTestUser({ name: "Site owner" });
});
beforeEach(() => site.reset());

const credentials = { kind: "privateKey" as const, privateKey: site.sshd.userKey.privateKey };
const context = (ownerId: string) => ({ ownerId, actorId: ownerId, ip: null, now: TEST_NOW, realNow: new Date() });

/** What the SSH form sends for these settings, through the action's own schema. */
function sshForm(
  name: string,
  settings: SshTargetSettings,
  extra: { autoRollback?: boolean; serverName?: string } = {},
) {
  const fullChain = settings.files.find((file) => file.kind === "fullChain" || file.kind === "certificate");
  const key = settings.files.find((file) => file.kind === "privateKey");
  return createSshTargetInputSchema.parse({
    name,
    host: settings.host,
    port: String(settings.port),
    username: settings.username,
    authKind: "privateKey",
    privateKey: credentials.privateKey,
    hostKey: settings.hostKey,
    certificatePath: fullChain?.path,
    certificateMode: "0644",
    certificateContent: "fullChain",
    privateKeyPath: key?.path,
    privateKeyMode: "0600",
    reloadCommand: settings.reloadCommand,
    autoRollback: extra.autoRollback ?? true,
    endpoints: [{ ...site.endpoint(extra.serverName ?? SITE), port: String(site.nginx.port) }],
  });
}

async function addSshTarget(ownerId: string, name: string, settings: SshTargetSettings, extra = {}) {
  const created = await createSshTarget({ ...context(ownerId), target: sshForm(name, settings, extra) });
  if (!created.ok) throw new Error(`the target was refused: ${JSON.stringify(created.problems)}`);
  return created.targetId;
}

async function servesCertificate(serverName: string, certificateId: string): Promise<boolean> {
  const certificate = await db.certificate.findUniqueOrThrow({ where: { id: certificateId } });
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

async function servesOld(serverName: string): Promise<boolean> {
  const verification = await verifyDeployment({
    bundle: site.oldBundles[serverName] as never,
    endpoints: [site.endpoint(serverName)],
  });
  return verification.status === "SERVING";
}

describe("adding an SSH target and deploying from the certificate page", () => {
  it("pins the host key read from the server, deploys, and nginx serves the new serial: serving", async () => {
    const owner = customer;
    const certificate = await createDeployableCertificate(owner.id, { domain: SITE });
    const read = await fetchSshHostKey({ host: site.sshd.host, port: site.sshd.port });
    expect(read).toEqual({ ok: true, hostKey: { keyType: "ssh-ed25519", fingerprint: site.sshd.hostKeyFingerprint } });
    if (!read.ok) return;
    const targetId = await addSshTarget(owner.id, "web-1", site.sshTarget(SITE, { hostKey: read.hostKey }));

    const { results } = await deployCertificateToTargets({
      ...context(owner.id),
      certificateId: certificate.certificateId,
      targetIds: [targetId],
    });

    expect(results).toEqual([
      expect.objectContaining({ targetId, outcome: "DEPLOYED", verificationStatus: "SERVING", failureReason: null }),
    ]);
    expect(await servesCertificate(SITE, certificate.certificateId)).toBe(true);
    expect(await readFile(site.paths(SITE).key, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect((await db.deploymentTarget.findUniqueOrThrow({ where: { id: targetId } })).certificateId).toBe(
      certificate.certificateId,
    );

    const page = await getCertificateTargetDeployments(owner.id, certificate.certificateId, TEST_NOW);
    const entry = page?.entries.find((candidate) => candidate.target.id === targetId);
    expect(entry?.target.serves).toBe("THIS");
    expect(entry?.deployment).toMatchObject({
      status: "DEPLOYED",
      verificationStatus: "SERVING",
      trigger: "MANUAL",
      canVerify: true,
      // Automatic rollback was chosen: no button.
      canRollBack: false,
    });
    const steps = entry?.deployment?.log.flatMap((logged) => logged.steps.map((step) => `${step.name}:${step.status}`));
    expect(steps).toEqual(expect.arrayContaining(["connect:ok", "upload:ok", "install:ok", "reload:ok"]));
    const served = entry?.deployment?.verification?.endpoints[0];
    expect(served).toMatchObject({ status: "SERVING", endpoint: site.endpoint(SITE) });

    // Verify re-checks at any time.
    const deploymentId = entry?.deployment?.id ?? "";
    const verified = await verifyTargetDeployment({ ownerId: owner.id, deploymentId, now: TEST_NOW });
    expect(verified.verification.status).toBe("SERVING");
    // And only for its owner.
    const stranger = await createTestUser();
    await expect(verifyTargetDeployment({ ownerId: stranger.id, deploymentId, now: TEST_NOW })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a server whose host key changed, naming both fingerprints, and sends nothing", async () => {
    const owner = customer;
    const certificate = await createDeployableCertificate(owner.id, { domain: SITE });
    const otherKey = await site.sshd.generateKey("ed25519");
    const targetId = await addSshTarget(
      owner.id,
      "re-keyed",
      site.sshTarget(SITE, { hostKey: { keyType: "ssh-ed25519", fingerprint: otherKey.fingerprint } }),
    );
    const before = site.sshd.output();

    const { results } = await deployCertificateToTargets({
      ...context(owner.id),
      certificateId: certificate.certificateId,
      targetIds: [targetId],
    });

    expect(results[0]).toMatchObject({ outcome: "FAILED", failureReason: "HOST_KEY_CHANGED" });
    expect(results[0]?.failureMessage).toContain(otherKey.fingerprint);
    expect(results[0]?.failureMessage).toContain(site.sshd.hostKeyFingerprint);
    expect(site.sshd.output().slice(before.length)).not.toMatch(/Accepted|Failed publickey/);
    expect(await servesOld(SITE)).toBe(true);
    // Test connection says the same.
    expect(await testDeploymentTarget({ ownerId: owner.id, targetId })).toMatchObject({
      ok: false,
      failure: {
        reason: "HOST_KEY_CHANGED",
        expectedFingerprint: otherKey.fingerprint,
        presentedFingerprint: site.sshd.hostKeyFingerprint,
      },
    });
  });

  it("rolls back automatically when nginx refuses the new files: nginx still serves the old certificate", async () => {
    const owner = customer;
    const certificate = await createDeployableCertificate(owner.id, { domain: SITE });
    // The key where nginx reads its certificate and the other way round: `nginx -s reload` refuses them.
    const paths = site.paths(SITE);
    const swapped = site.sshTarget(SITE, {
      files: [
        { kind: "fullChain", path: paths.key, mode: 0o644 },
        { kind: "privateKey", path: paths.fullChain, mode: 0o600 },
      ],
    });
    const targetId = await addSshTarget(owner.id, "swapped", swapped);

    const { results } = await deployCertificateToTargets({
      ...context(owner.id),
      certificateId: certificate.certificateId,
      targetIds: [targetId],
    });

    expect(results[0]).toMatchObject({ outcome: "ROLLED_BACK", failureReason: "RELOAD_FAILED" });
    expect(await servesOld(SITE)).toBe(true);
    const deployment = await db.targetDeployment.findFirstOrThrow({ where: { targetId } });
    const log = JSON.stringify(deployment.log);
    expect(log).toContain('"name":"restore"');
    expect(log).toContain('"name":"reload-previous"');
    expect(log).not.toContain("PRIVATE KEY");
    expect((await db.deploymentTarget.findUniqueOrThrow({ where: { id: targetId } })).certificateId).toBeNull();
  });

  it("offers Roll back when the customer did not choose automatic rollback, and puts the old files back", async () => {
    const owner = customer;
    const certificate = await createDeployableCertificate(owner.id, { domain: SITE });
    const targetId = await addSshTarget(owner.id, "manual rollback", site.sshTarget(SITE), { autoRollback: false });
    const { results } = await deployCertificateToTargets({
      ...context(owner.id),
      certificateId: certificate.certificateId,
      targetIds: [targetId],
    });
    expect(results[0]).toMatchObject({ outcome: "DEPLOYED", verificationStatus: "SERVING" });
    const page = await getCertificateTargetDeployments(owner.id, certificate.certificateId, TEST_NOW);
    const deployment = page?.entries.find((entry) => entry.target.id === targetId)?.deployment;
    expect(deployment?.canRollBack).toBe(true);

    const stranger = await createTestUser();
    await expect(
      rollBackTargetDeployment({ ...context(stranger.id), deploymentId: deployment?.id ?? "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rollBackTargetDeployment({ ...context(owner.id), deploymentId: deployment?.id ?? "" })).toEqual({
      outcome: "ROLLED_BACK",
    });
    expect(await servesOld(SITE)).toBe(true);
    expect(await db.targetDeployment.findUniqueOrThrow({ where: { id: deployment?.id } })).toMatchObject({
      status: "ROLLED_BACK",
      rolledBackAt: TEST_NOW,
    });
    // Rolled back once: there is nothing left to put back.
    await expect(
      rollBackTargetDeployment({ ...context(owner.id), deploymentId: deployment?.id ?? "" }),
    ).rejects.toMatchObject({ code: "ROLLBACK_NOT_POSSIBLE" });
  });

  it("reports deployed but not serving, with what was served instead, when the endpoint serves another site", async () => {
    const owner = customer;
    const certificate = await createDeployableCertificate(owner.id, { domain: SITE });
    const targetId = await addSshTarget(owner.id, "wrong endpoint", site.sshTarget(SITE), {
      autoRollback: false,
      serverName: OTHER_SITE,
    });
    const { results } = await deployCertificateToTargets({
      ...context(owner.id),
      certificateId: certificate.certificateId,
      targetIds: [targetId],
      // It will not start serving: no need to wait for it as long as after a real reload.
      settleMs: 1_000,
    });
    expect(results[0]).toMatchObject({
      outcome: "DEPLOYED",
      verificationStatus: "NOT_SERVING",
      failureReason: "NOT_SERVING",
    });
    expect(results[0]?.failureMessage).toContain(site.oldBundles[OTHER_SITE]?.serialNumber);
  });
});

describe("the address policy", () => {
  it("refuses private addresses at save time, at the field", async () => {
    const owner = customer;
    const form = sshForm("private", site.sshTarget(SITE, { host: "10.0.0.5" }));
    const targetsBefore = await db.deploymentTarget.count({ where: { ownerId: owner.id } });
    const refused = await createSshTarget({
      ...context(owner.id),
      target: { ...form, endpoints: [{ host: "192.168.1.20", port: 443, serverName: SITE }] },
    });
    expect(refused).toEqual({
      ok: false,
      problems: { host: "ADDRESS_REFUSED", "endpoints.0.host": "ADDRESS_REFUSED" },
    });
    expect(await db.deploymentTarget.count({ where: { ownerId: owner.id } })).toBe(targetsBefore);
  });

  it("and at every connection, whatever is stored", async () => {
    const owner = customer;
    const certificate = await createDeployableCertificate(owner.id, { domain: SITE });
    const settings = site.sshTarget(SITE, { host: "10.0.0.5" });
    const target = await db.deploymentTarget.create({
      data: {
        id: "dt-stored-private",
        ownerId: owner.id,
        kind: "SSH",
        name: "stored before the policy",
        sshHost: settings.host,
        sshPort: settings.port,
        sshUsername: settings.username,
        sshAuthKind: "PRIVATE_KEY",
        credentialsEncrypted: sealSshCredentials(credentials, "dt-stored-private"),
        hostKeyType: settings.hostKey.keyType,
        hostKeyFingerprint: settings.hostKey.fingerprint,
        files: settings.files,
        reloadCommand: settings.reloadCommand,
        endpoints: [site.endpoint(SITE)],
      },
    });
    const { results } = await deployCertificateToTargets({
      ...context(owner.id),
      certificateId: certificate.certificateId,
      targetIds: [target.id],
    });
    expect(results[0]).toMatchObject({ outcome: "FAILED", failureReason: "ADDRESS_REFUSED" });
  });
});

describe("secrets", () => {
  it("never come back: not in the list, the certificate page, the deployment log or the audit log", async () => {
    const owner = customer;
    const certificate = await createDeployableCertificate(owner.id, { domain: SITE });
    const targetId = await addSshTarget(owner.id, "secrets", site.sshTarget(SITE));
    await deployCertificateToTargets({
      ...context(owner.id),
      certificateId: certificate.certificateId,
      targetIds: [targetId],
    });
    const shown = JSON.stringify([
      await listDeploymentTargets(owner.id),
      await getCertificateTargetDeployments(owner.id, certificate.certificateId, TEST_NOW),
      await db.auditLog.findMany({ where: { targetId: { in: [targetId, certificate.certificateId] } } }),
      await db.targetDeployment.findMany({ where: { targetId } }),
    ]);
    const keyLines = credentials.privateKey.split("\n").filter((line) => line.length > 20 && !line.startsWith("-----"));
    expect(keyLines.length).toBeGreaterThan(0);
    for (const line of keyLines) expect(shown).not.toContain(line);
    expect(shown).not.toMatch(/PRIVATE KEY|credentialsEncrypted|v1\./);
  });
});

describe("a deploy webhook target", () => {
  type Received = { headers: IncomingHttpHeaders; body: string };
  const received: Received[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.statusCode = 204;
      response.end();
    });
  });
  beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve)));
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("hands out its signing secret once, and delivers the signed event without the key unless ticked", async () => {
    const owner = customer;
    const certificate = await createDeployableCertificate(owner.id, { domain: SITE });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook?token=abc`;
    const created = await createWebhookTarget({
      ...context(owner.id),
      target: createWebhookTargetInputSchema.parse({ name: "hook", url, includePrivateKey: false, endpoints: [] }),
    });
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    expect(created.signingSecret).toMatch(/^whsec_/);
    expect(JSON.stringify(await listDeploymentTargets(owner.id))).not.toContain(created.signingSecret);

    const { results } = await deployCertificateToTargets({
      ...context(owner.id),
      certificateId: certificate.certificateId,
      targetIds: [created.targetId],
    });
    // No endpoint to verify: in place once the receiver took it.
    expect(results[0]).toMatchObject({ outcome: "DEPLOYED", verificationStatus: null });
    const delivery = received.at(-1);
    expect(delivery).toBeDefined();
    if (!delivery) return;
    expect(
      verifyWebhookSignature(delivery.body, created.signingSecret, String(delivery.headers["x-certdesk-signature"])),
    ).toBe(true);
    expect(delivery.headers["x-certdesk-delivery"]).toBe(results[0]?.deploymentId);
    const event = JSON.parse(delivery.body);
    expect(event).toMatchObject({ kind: "CERTIFICATE_DEPLOY", certificateId: certificate.certificateId });
    expect(event.privateKeyPem).toBeUndefined();
  });
});
