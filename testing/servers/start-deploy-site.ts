// A server to deploy to, as a customer would have one: Debian's sshd and nginx on loopback
// ports (testing/servers/sshd.ts, nginx.ts), nginx serving each site's certificate from files
// in a private folder, each site starting with an "old" certificate of the deploy test
// authority. The SSH target settings a customer would enter for a site come with it, and so
// does what nginx serves now. Needs `apt-get install openssh-server nginx`.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { CertificateBundle, SshTargetSettings, TlsEndpoint } from "@/lib/deploy/deployment-contracts";
import { probeTlsEndpoint } from "@/lib/deploy/probe-tls-endpoint";
import { createDeployTestAuthority } from "@/testing/servers/deploy-test-certificates";
import { startTestNginx, type TestNginx } from "@/testing/servers/nginx";
import { startTestSshd, type TestSshd } from "@/testing/servers/sshd";
import { makePrivateTempDir, removeDir, runCommand } from "@/testing/servers/sshd-nginx-process";

export type DeploySite = {
  sshd: TestSshd;
  nginx: TestNginx;
  /** The folder the sites' files are in. */
  dir: string;
  /** What the server had before CertDesk, per site. */
  oldBundles: Record<string, CertificateBundle & { serialNumber: string }>;
  /** The files nginx reads for a site. */
  paths(serverName: string): { fullChain: string; key: string };
  /** The settings a customer would enter to deploy a site's certificate here (host key: the real one). */
  sshTarget(serverName: string, overrides?: Partial<SshTargetSettings>): SshTargetSettings;
  endpoint(serverName: string): TlsEndpoint;
  /** The serial nginx serves for the name now (upper-case hex), or undefined. */
  servedSerial(serverName: string): Promise<string | undefined>;
  /** Puts the old certificates back and reloads nginx. */
  reset(): Promise<void>;
  stop(): Promise<void>;
};

export async function startDeploySite(serverNames: readonly string[]): Promise<DeploySite> {
  const authority = createDeployTestAuthority();
  const dir = await makePrivateTempDir("certdesk-deploy-site-");
  const oldBundles = Object.fromEntries(serverNames.map((name) => [name, authority.issueBundle(name)]));
  const paths = (serverName: string) => ({
    fullChain: path.join(dir, `${serverName}.fullchain.pem`),
    key: path.join(dir, `${serverName}.key.pem`),
  });
  const writeOldFiles = async () => {
    for (const name of serverNames) {
      const bundle = oldBundles[name];
      if (!bundle) continue;
      await writeFile(paths(name).fullChain, `${bundle.certificatePem}${bundle.chainPem}`, { mode: 0o644 });
      await writeFile(paths(name).key, bundle.privateKeyPem, { mode: 0o600 });
    }
  };
  await writeOldFiles();
  const sshd = await startTestSshd().catch(async (error: unknown) => {
    await removeDir(dir);
    throw error;
  });
  const nginx = await startTestNginx({
    sites: serverNames.map((serverName) => ({
      serverName,
      certificatePath: paths(serverName).fullChain,
      keyPath: paths(serverName).key,
    })),
  }).catch(async (error: unknown) => {
    await sshd.stop();
    await removeDir(dir);
    throw error;
  });
  const hostKey = { keyType: "ssh-ed25519", fingerprint: sshd.hostKeyFingerprint };
  const endpoint = (serverName: string) => ({ host: nginx.host, port: nginx.port, serverName });
  return {
    sshd,
    nginx,
    dir,
    oldBundles,
    paths,
    sshTarget: (serverName, overrides = {}) => ({
      host: sshd.host,
      port: sshd.port,
      username: sshd.username,
      hostKey,
      files: [
        { kind: "fullChain", path: paths(serverName).fullChain, mode: 0o644 },
        { kind: "privateKey", path: paths(serverName).key, mode: 0o600 },
      ],
      reloadCommand: nginx.reloadCommand,
      ...overrides,
    }),
    endpoint,
    servedSerial: async (serverName) => {
      const probe = await probeTlsEndpoint(endpoint(serverName), { addressPermit: true });
      return probe.ok ? probe.leaf.serialNumber : undefined;
    },
    reset: async () => {
      await writeOldFiles();
      await runCommand("/bin/sh", ["-c", nginx.reloadCommand]);
    },
    stop: async () => {
      await Promise.all([sshd.stop(), nginx.stop()]);
      await removeDir(dir);
    },
  };
}
