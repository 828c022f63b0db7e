// A module (top-level await), with no exports of its own.
export {};

// Test support for e2e/deployment-targets.spec.ts: a server to deploy to, started for one
// spec and stopped when it ends. Debian's sshd and nginx on loopback ports
// (testing/servers/start-deploy-site.ts), nginx serving `serverName` from files CertDesk may
// replace over SFTP. Prints what a customer would enter as one JSON line, then serves until
// SIGTERM, SIGINT or the end of stdin, and stops both servers. The e2e app runs in DEMO_MODE,
// whose address policy lets deployments reach loopback. Needs `apt-get install openssh-server nginx`.
process.env.LOG_LEVEL ??= "warn";

const { startDeploySite } = await import("@/testing/servers/start-deploy-site");
const serverName = process.argv[2] ?? "";
if (!serverName) {
  console.error("usage: e2e-deploy-site.ts <server name>");
  process.exit(2);
}

const site = await startDeploySite([serverName]);
const paths = site.paths(serverName);
const endpoint = site.endpoint(serverName);
console.log(
  JSON.stringify({
    sshHost: site.sshd.host,
    sshPort: site.sshd.port,
    username: site.sshd.username,
    privateKey: site.sshd.userKey.privateKey,
    hostKeyFingerprint: site.sshd.hostKeyFingerprint,
    fullChainPath: paths.fullChain,
    keyPath: paths.key,
    reloadCommand: site.nginx.reloadCommand,
    endpoint,
    oldSerial: site.oldBundles[serverName]?.serialNumber,
  }),
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await site.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.stdin.on("end", () => void stop());
process.stdin.resume();
