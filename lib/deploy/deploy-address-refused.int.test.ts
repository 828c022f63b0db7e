// Without an allow-list (and outside DEMO_MODE), a target that resolves to a loopback
// address is refused by every kind of deployment before any connection is made, even in
// tests: a listener on 127.0.0.1 counts the connections it gets, and gets none.
import { createServer, type Socket } from "node:net";
import { afterAll, expect, it } from "vitest";

delete process.env.DEPLOY_ALLOWED_NETWORKS;

const { deployOverSsh } = await import("@/lib/deploy/deploy-over-ssh");
const { fetchSshHostKey } = await import("@/lib/deploy/fetch-ssh-host-key");
const { probeTlsEndpoint } = await import("@/lib/deploy/probe-tls-endpoint");
const { postDeployWebhook } = await import("@/lib/deploy/post-deploy-webhook");
const { getConfig } = await import("@/lib/config");
const { createDeployTestAuthority } = await import("@/testing/servers/deploy-test-certificates");

const connections: Socket[] = [];
const listener = createServer((socket) => {
  connections.push(socket);
  socket.destroy();
});
await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
const port = (listener.address() as { port: number }).port;
afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

const bundle = createDeployTestAuthority().issueBundle("refused.test");

it("refuses SSH, TLS probes and deploy webhooks to 127.0.0.1 and localhost without the allow-list", async () => {
  expect(getConfig()).toMatchObject({ demoMode: false, deployAllowedNetworks: [] });
  const refused = { reason: "ADDRESS_REFUSED", message: expect.stringMatching(/DEPLOY_ALLOWED_NETWORKS/) };

  for (const host of ["127.0.0.1", "localhost"]) {
    expect(await fetchSshHostKey({ host, port })).toMatchObject({ ok: false, failure: refused });
    const deployed = await deployOverSsh({
      target: {
        host,
        port,
        username: "deploy",
        hostKey: { keyType: "ssh-ed25519", fingerprint: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
        files: [{ kind: "fullChain", path: "/etc/ssl/site.pem", mode: 0o644 }],
        reloadCommand: "nginx -s reload",
      },
      credentials: { kind: "password", password: "unused-password" },
      bundle,
      rollbackOnReloadFailure: true,
    });
    expect(deployed).toMatchObject({ status: "NOT_DEPLOYED", failure: refused });
    expect(deployed.steps.map((step) => `${step.name}:${step.status}`)).toEqual(["resolve:failed"]);

    expect(await probeTlsEndpoint({ host, port, serverName: "refused.test" })).toMatchObject({
      ok: false,
      reason: "ADDRESS_REFUSED",
    });
    const posted = await postDeployWebhook({
      target: { url: `http://${host}:${port}/hook`, includePrivateKey: true },
      signingSecret: "whsec_unused",
      bundle,
      certificateId: "cert_1",
      deliveryId: "dep_1",
      attempt: 1,
      now: new Date("2026-06-01T00:00:00Z"),
    });
    expect(posted).toMatchObject({ status: "FAILED", failure: refused });
  }
  expect(connections).toHaveLength(0);
});
