// SSH deployment against real servers: Debian's sshd and nginx on loopback ports (testing/
// servers), nginx's TLS server blocks reading the files the deployment replaces. Deploy →
// reload → a TLS probe sees the new serial; a changed host key is refused before anything is
// sent; a reload nginx refuses is rolled back and nginx keeps serving the old certificate;
// an endpoint serving another certificate is "deployed but not serving".
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

// The test servers listen on 127.0.0.1: they opt in through the allow-list, as an operator would.
process.env.DEPLOY_ALLOWED_NETWORKS = "127.0.0.1/32";

const { deployOverSsh } = await import("@/lib/deploy/deploy-over-ssh");
const { rollBackSshDeployment } = await import("@/lib/deploy/roll-back-ssh-deployment");
const { fetchSshHostKey } = await import("@/lib/deploy/fetch-ssh-host-key");
const { checkSshTarget } = await import("@/lib/deploy/check-ssh-target");
const { verifyDeployment } = await import("@/lib/deploy/verify-deployment");
const { startTestSshd } = await import("@/testing/servers/sshd");
const { startTestNginx } = await import("@/testing/servers/nginx");
const { makePrivateTempDir, removeDir } = await import("@/testing/servers/sshd-nginx-process");
const { createDeployTestAuthority } = await import("@/testing/servers/deploy-test-certificates");
type SshTargetSettings = import("@/lib/deploy/deployment-contracts").SshTargetSettings;
type CertificateBundle = import("@/lib/deploy/deployment-contracts").CertificateBundle;

const authority = createDeployTestAuthority();
const OLD = authority.issueBundle("deploy.test");
const NEW = authority.issueBundle("deploy.test");
const OTHER = authority.issueBundle("other.test");

const site = await makePrivateTempDir("certdesk-site-");
const paths = {
  fullChain: path.join(site, "fullchain.pem"),
  key: path.join(site, "privkey.pem"),
  chain: path.join(site, "chain.pem"),
  otherFullChain: path.join(site, "other-fullchain.pem"),
  otherKey: path.join(site, "other-privkey.pem"),
};
const fullChainOf = (bundle: CertificateBundle) => `${bundle.certificatePem}${bundle.chainPem}`;

/** The site as a server had it before CertDesk: the old certificate and key, nothing else. */
async function resetSite(): Promise<void> {
  for (const name of await readdir(site)) await rm(path.join(site, name), { recursive: true, force: true });
  await writeFile(paths.fullChain, fullChainOf(OLD), { mode: 0o644 });
  await writeFile(paths.key, OLD.privateKeyPem, { mode: 0o600 });
  await writeFile(paths.otherFullChain, fullChainOf(OTHER), { mode: 0o644 });
  await writeFile(paths.otherKey, OTHER.privateKeyPem, { mode: 0o600 });
}

await resetSite();
const sshd = await startTestSshd();
const nginx = await startTestNginx({
  sites: [
    { serverName: "deploy.test", certificatePath: paths.fullChain, keyPath: paths.key },
    { serverName: "other.test", certificatePath: paths.otherFullChain, keyPath: paths.otherKey },
  ],
}).catch(async (error: unknown) => {
  await sshd.stop();
  throw error;
});
afterAll(async () => {
  await Promise.all([sshd.stop(), nginx.stop()]);
  await removeDir(site);
});

const pinned = await fetchSshHostKey({ host: sshd.host, port: sshd.port });
if (!pinned.ok) throw new Error(`could not read the test server's host key: ${pinned.failure.message}`);
const credentials = { kind: "privateKey" as const, privateKey: sshd.userKey.privateKey };
const target: SshTargetSettings = {
  host: sshd.host,
  port: sshd.port,
  username: sshd.username,
  hostKey: pinned.hostKey,
  files: [
    { kind: "fullChain", path: paths.fullChain, mode: 0o644 },
    { kind: "privateKey", path: paths.key, mode: 0o600 },
    { kind: "chain", path: paths.chain, mode: 0o640 },
  ],
  reloadCommand: nginx.reloadCommand,
};
const endpoint = { host: nginx.host, port: nginx.port, serverName: "deploy.test" };
const trustingTheRoot = { ca: authority.root.pem };

async function serialServed(serverName = "deploy.test"): Promise<string | undefined> {
  const verification = await verifyDeployment({
    bundle: OLD,
    endpoints: [{ ...endpoint, serverName }],
    settleMs: 0,
  });
  const [first] = verification.endpoints;
  return first && first.status !== "UNREACHABLE" ? first.served.serialNumber : undefined;
}

/** Each test that deploys starts from the old certificate, on disk and served. */
async function startFromTheOldCertificate(): Promise<void> {
  await resetSite();
  await nginx.reloadAndSettle();
  const verification = await verifyDeployment({ bundle: OLD, endpoints: [endpoint] });
  expect(verification.status).toBe("SERVING");
}

describe("fetchSshHostKey", () => {
  it("shows the host key fingerprint exactly as ssh-keygen prints it on the server", () => {
    expect(pinned.hostKey).toEqual({ keyType: "ssh-ed25519", fingerprint: sshd.hostKeyFingerprint });
  });

  it("sends no user name or credential to read it", async () => {
    const before = sshd.output();
    const again = await fetchSshHostKey({ host: sshd.host, port: sshd.port });
    expect(again).toEqual(pinned);
    expect(sshd.output().slice(before.length)).not.toMatch(/Accepted|Failed|Invalid user/);
  });
});

describe("deployOverSsh", () => {
  beforeEach(startFromTheOldCertificate);

  it("uploads, keeps the old files, moves the new ones into place and reloads: the endpoint serves the new serial", async () => {
    const result = await deployOverSsh({ target, credentials, bundle: NEW, rollbackOnReloadFailure: true });

    expect(result.status).toBe("DEPLOYED");
    if (result.status !== "DEPLOYED") return;
    expect(result.steps.map((step) => `${step.name}:${step.status}`)).toEqual([
      "resolve:ok",
      "connect:ok",
      "upload:ok",
      "upload:ok",
      "upload:ok",
      "backup:ok",
      "backup:ok",
      "backup:ok",
      "install:ok",
      "install:ok",
      "install:ok",
      "reload:ok",
    ]);
    expect(result.record.files).toEqual([
      { kind: "fullChain", path: paths.fullChain, backupPath: `${paths.fullChain}.certdesk-previous` },
      { kind: "privateKey", path: paths.key, backupPath: `${paths.key}.certdesk-previous` },
      { kind: "chain", path: paths.chain, backupPath: null },
    ]);
    expect(await readFile(paths.fullChain, "utf8")).toBe(fullChainOf(NEW));
    expect(await readFile(paths.key, "utf8")).toBe(NEW.privateKeyPem);
    expect(await readFile(`${paths.key}.certdesk-previous`, "utf8")).toBe(OLD.privateKeyPem);
    expect((await stat(paths.key)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.chain)).mode & 0o777).toBe(0o640);
    expect((await readdir(site)).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const verification = await verifyDeployment({ bundle: NEW, endpoints: [endpoint], ...trustingTheRoot });
    expect(verification.status).toBe("SERVING");
    expect(verification.endpoints[0]).toMatchObject({
      status: "SERVING",
      served: { serialNumber: NEW.serialNumber, dnsNames: ["deploy.test"] },
      trusted: true,
      trustError: null,
    });
    // The log can be stored and shown: no key material, of the user or of the certificate.
    const log = JSON.stringify(result.steps);
    expect(log).not.toContain("PRIVATE KEY");
    expect(log).not.toContain(NEW.privateKeyPem.split("\n")[1]);
  });

  it("refuses a server whose host key is not the pinned one, before anything is sent", async () => {
    const otherKey = await sshd.generateKey("ed25519");
    const before = sshd.output();
    const result = await deployOverSsh({
      target: { ...target, hostKey: { keyType: "ssh-ed25519", fingerprint: otherKey.fingerprint } },
      credentials,
      bundle: NEW,
      rollbackOnReloadFailure: true,
    });

    expect(result).toMatchObject({
      status: "NOT_DEPLOYED",
      failure: {
        reason: "HOST_KEY_CHANGED",
        expectedFingerprint: otherKey.fingerprint,
        presentedFingerprint: sshd.hostKeyFingerprint,
      },
    });
    expect(result.steps.map((step) => `${step.name}:${step.status}`)).toEqual(["resolve:ok", "connect:failed"]);
    expect(sshd.output().slice(before.length)).not.toMatch(/Accepted|Failed publickey/);
    expect(await readFile(paths.fullChain, "utf8")).toBe(fullChainOf(OLD));
    expect(await readdir(site)).not.toContain("chain.pem");
  });

  it("puts the old files back and reloads when nginx refuses the new ones; nginx still serves the old certificate", async () => {
    // The new certificate with another certificate's key: `nginx -s reload` checks the pair and exits 1.
    const mismatched = { ...NEW, privateKeyPem: OTHER.privateKeyPem };
    const result = await deployOverSsh({ target, credentials, bundle: mismatched, rollbackOnReloadFailure: true });

    expect(result).toMatchObject({ status: "ROLLED_BACK", failure: { reason: "RELOAD_FAILED", exitCode: 1 } });
    const reload = result.steps.find((step) => step.name === "reload");
    expect(reload).toMatchObject({ status: "failed", exitCode: 1, command: nginx.reloadCommand });
    expect(reload?.output).toMatch(/key values mismatch/);
    expect(reload?.output).not.toContain("PRIVATE KEY");
    expect(result.steps.filter((step) => step.name === "restore").map((step) => step.status)).toEqual([
      "ok",
      "ok",
      "skipped",
    ]);
    expect(result.steps.at(-1)).toMatchObject({ name: "reload-previous", status: "ok", exitCode: 0 });

    expect(await readFile(paths.fullChain, "utf8")).toBe(fullChainOf(OLD));
    expect(await readFile(paths.key, "utf8")).toBe(OLD.privateKeyPem);
    expect(await serialServed()).toBe(OLD.serialNumber);
  });

  it("leaves refused files in place when no rollback is asked for, and rolls back later on request", async () => {
    const mismatched = { ...NEW, privateKeyPem: OTHER.privateKeyPem };
    const result = await deployOverSsh({ target, credentials, bundle: mismatched, rollbackOnReloadFailure: false });

    expect(result).toMatchObject({
      status: "NEEDS_ATTENTION",
      failure: { reason: "RELOAD_FAILED" },
      rollbackFailure: null,
    });
    if (result.status !== "NEEDS_ATTENTION") return;
    expect(await readFile(paths.key, "utf8")).toBe(OTHER.privateKeyPem);
    // nginx kept the configuration it had loaded.
    expect(await serialServed()).toBe(OLD.serialNumber);

    const rollback = await rollBackSshDeployment({ target, credentials, record: result.record });
    expect(rollback.status).toBe("ROLLED_BACK");
    expect(rollback.steps.map((step) => `${step.name}:${step.status}`)).toEqual([
      "resolve:ok",
      "connect:ok",
      "restore:ok",
      "restore:ok",
      "restore:skipped",
      "reload-previous:ok",
    ]);
    expect(await readFile(paths.key, "utf8")).toBe(OLD.privateKeyPem);
  });

  it("rolls a served deployment back when asked (after a failed verification)", async () => {
    const deployed = await deployOverSsh({ target, credentials, bundle: NEW, rollbackOnReloadFailure: true });
    if (deployed.status !== "DEPLOYED") throw new Error(`expected DEPLOYED, got ${deployed.status}`);
    expect((await verifyDeployment({ bundle: NEW, endpoints: [endpoint] })).status).toBe("SERVING");

    const rollback = await rollBackSshDeployment({ target, credentials, record: deployed.record });
    expect(rollback.status).toBe("ROLLED_BACK");
    const verification = await verifyDeployment({ bundle: OLD, endpoints: [endpoint] });
    expect(verification.endpoints[0]).toMatchObject({ status: "SERVING", served: { serialNumber: OLD.serialNumber } });
    expect(await readFile(paths.fullChain, "utf8")).toBe(fullChainOf(OLD));
  });

  it("says so when a target that never had files cannot be rolled back", async () => {
    const fresh = path.join(site, "fresh");
    await mkdir(fresh);
    const freshTarget: SshTargetSettings = {
      ...target,
      files: [
        { kind: "certificate", path: path.join(fresh, "cert.pem"), mode: 0o644 },
        { kind: "privateKey", path: path.join(fresh, "key.pem"), mode: 0o600 },
      ],
      reloadCommand: "echo 'apache2: configuration error' >&2; exit 3",
    };
    const result = await deployOverSsh({
      target: freshTarget,
      credentials,
      bundle: NEW,
      rollbackOnReloadFailure: true,
    });

    expect(result).toMatchObject({
      status: "NEEDS_ATTENTION",
      failure: { reason: "RELOAD_FAILED", exitCode: 3 },
      rollbackFailure: { reason: "NOTHING_TO_ROLL_BACK" },
    });
    expect(result.steps.find((step) => step.name === "reload")?.output).toBe("apache2: configuration error");
    if (result.status !== "NEEDS_ATTENTION") return;
    const rollback = await rollBackSshDeployment({ target: freshTarget, credentials, record: result.record });
    expect(rollback).toMatchObject({
      status: "NOTHING_TO_ROLL_BACK",
      message: expect.stringMatching(/nothing to roll back/),
    });
  });

  it("stops before changing anything when a folder does not exist, and removes what it uploaded", async () => {
    const result = await deployOverSsh({
      target: {
        ...target,
        files: [
          { kind: "fullChain", path: paths.fullChain, mode: 0o644 },
          { kind: "privateKey", path: path.join(site, "missing", "privkey.pem"), mode: 0o600 },
        ],
      },
      credentials,
      bundle: NEW,
      rollbackOnReloadFailure: true,
    });
    expect(result).toMatchObject({
      status: "NOT_DEPLOYED",
      failure: { reason: "PATH_NOT_FOUND", path: expect.stringContaining(path.join(site, "missing")) },
    });
    expect(result.steps.map((step) => `${step.name}:${step.status}`)).toEqual([
      "resolve:ok",
      "connect:ok",
      "upload:ok",
      "upload:failed",
      "cleanup:ok",
    ]);
    expect(await readFile(paths.fullChain, "utf8")).toBe(fullChainOf(OLD));
    expect((await readdir(site)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("names the path it may not write", async () => {
    // sysfs refuses to create files, to root too: a folder where the login user may not write.
    const result = await deployOverSsh({
      target: { ...target, files: [{ kind: "certificate", path: "/sys/certdesk-test.pem", mode: 0o644 }] },
      credentials,
      bundle: NEW,
      rollbackOnReloadFailure: true,
    });
    expect(result).toMatchObject({
      status: "NOT_DEPLOYED",
      failure: {
        reason: "PERMISSION_DENIED",
        path: expect.stringMatching(/^\/sys\/\.certdesk-test\.pem\.certdesk-[0-9a-f]+\.tmp$/),
      },
    });
  });
});

describe("verifyDeployment", () => {
  beforeEach(startFromTheOldCertificate);

  it("reports deployed but not serving, with the serial served instead, for an endpoint with another certificate", async () => {
    const deployed = await deployOverSsh({ target, credentials, bundle: NEW, rollbackOnReloadFailure: true });
    expect(deployed.status).toBe("DEPLOYED");

    const verification = await verifyDeployment({
      bundle: NEW,
      endpoints: [endpoint, { ...endpoint, serverName: "other.test" }],
      settleMs: 0,
      ...trustingTheRoot,
    });
    expect(verification.status).toBe("NOT_SERVING");
    expect(verification.endpoints[1]).toMatchObject({
      status: "NOT_SERVING",
      mismatch: "OTHER_CERTIFICATE",
      served: { serialNumber: OTHER.serialNumber, dnsNames: ["other.test"] },
      trusted: true,
    });
  });

  it("says whether the served chain validates: not against Node's roots, nor for another name", async () => {
    const untrusted = await verifyDeployment({ bundle: OLD, endpoints: [endpoint], settleMs: 0 });
    expect(untrusted.endpoints[0]).toMatchObject({ status: "SERVING", trusted: false, trustError: expect.any(String) });
    const wrongName = await verifyDeployment({
      bundle: OLD,
      endpoints: [{ ...endpoint, serverName: "unknown.test" }],
      settleMs: 0,
      ...trustingTheRoot,
    });
    // nginx's default server answers, with a certificate that is not for that name.
    expect(wrongName.endpoints[0]).toMatchObject({
      status: "SERVING",
      trusted: false,
      trustError: "ERR_TLS_CERT_ALTNAME_INVALID",
    });
  });

  it("reports an endpoint where nothing listens as unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verification = await verifyDeployment({ bundle: OLD, endpoints: [{ ...endpoint, port }], settleMs: 0 });
    expect(verification.endpoints[0]).toMatchObject({ status: "UNREACHABLE", reason: "UNREACHABLE" });
  });
});

describe("connection failures", () => {
  it("logs in with RSA, ECDSA and passphrase-protected Ed25519 keys", async () => {
    const passphrase = "correct horse battery staple";
    const keys = await Promise.all([
      sshd.generateKey("rsa"),
      sshd.generateKey("ecdsa"),
      sshd.generateKey("ed25519", passphrase),
    ]);
    for (const key of keys) await sshd.authorize(key.publicKey);
    const [rsa, ecdsa, ed25519] = keys.map((key) => key.privateKey);
    for (const [name, privateKey, keyPassphrase] of [
      ["rsa", rsa, undefined],
      ["ecdsa", ecdsa, undefined],
      ["ed25519 with passphrase", ed25519, passphrase],
    ] as const) {
      const checked = await checkSshTarget({
        target,
        credentials: { kind: "privateKey", privateKey: privateKey ?? "", passphrase: keyPassphrase },
      });
      expect(checked, name).toMatchObject({ ok: true });
    }
  });

  it("tells a refused login from an unreadable key, a missing passphrase and a wrong one", async () => {
    const stranger = await sshd.generateKey("ed25519");
    const locked = await sshd.generateKey("ed25519", "the-right-passphrase");
    await sshd.authorize(locked.publicKey);
    const reasons = [];
    for (const attempt of [
      { kind: "password" as const, password: "not-the-password" },
      { kind: "privateKey" as const, privateKey: stranger.privateKey },
      {
        kind: "privateKey" as const,
        privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nbm9wZQ==\n-----END OPENSSH PRIVATE KEY-----",
      },
      { kind: "privateKey" as const, privateKey: locked.privateKey },
      { kind: "privateKey" as const, privateKey: locked.privateKey, passphrase: "a-wrong-passphrase" },
    ]) {
      const checked = await checkSshTarget({ target, credentials: attempt });
      reasons.push(checked.ok ? "ok" : checked.failure.reason);
      expect(JSON.stringify(checked)).not.toMatch(/not-the-password|a-wrong-passphrase|PRIVATE KEY/);
    }
    expect(reasons).toEqual(["AUTH_FAILED", "AUTH_FAILED", "INVALID_KEY", "INVALID_KEY", "INVALID_KEY"]);
  });

  it("names a server that does not answer the SSH handshake as a timeout, and a closed port as unreachable", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const timedOut = await checkSshTarget({ target: { ...target, port }, credentials, timeouts: { connectMs: 300 } });
      expect(timedOut).toMatchObject({ ok: false, failure: { reason: "TIMEOUT" } });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
    const unreachable = await fetchSshHostKey({ host: "127.0.0.1", port });
    expect(unreachable).toMatchObject({ ok: false, failure: { reason: "UNREACHABLE" } });
  });
});
