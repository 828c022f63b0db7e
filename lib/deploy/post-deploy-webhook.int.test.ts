// A deploy webhook against a real HTTP receiver on 127.0.0.1 (allowed through
// DEPLOY_ALLOWED_NETWORKS, as an operator would): the event arrives signed with the target's
// secret, verifiable as a notification webhook is, carries the chain, and the private key only
// when asked; a receiver that fails gets the notification webhooks' retry schedule.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

process.env.DEPLOY_ALLOWED_NETWORKS = "127.0.0.1/32";

const { postDeployWebhook } = await import("@/lib/deploy/post-deploy-webhook");
const { generateWebhookSecret, verifyWebhookSignature } = await import("@/lib/notifications/sign-webhook");
const { WEBHOOK_MAX_ATTEMPTS } = await import("@/lib/notifications/webhook-retry");
const { createDeployTestAuthority } = await import("@/testing/servers/deploy-test-certificates");

type Received = { headers: IncomingHttpHeaders; body: string; url: string };
const received: Received[] = [];
const answers: number[] = [];
const receiver = createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => {
    body += chunk;
  });
  request.on("end", () => {
    received.push({ headers: request.headers, body, url: request.url ?? "" });
    response.statusCode = answers.shift() ?? 200;
    response.end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/deploy?token=t0ken`;
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const bundle = createDeployTestAuthority().issueBundle("hook.test");
const secret = generateWebhookSecret();
const now = new Date("2026-06-01T08:00:00Z");
const base = { signingSecret: secret, bundle, certificateId: "cert_1", deliveryId: "dep_1", attempt: 1, now };

beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

describe("postDeployWebhook", () => {
  it("delivers the event signed with the target's secret, with the chain and without the key", async () => {
    const result = await postDeployWebhook({ ...base, target: { url, includePrivateKey: false } });

    expect(result).toMatchObject({ status: "DELIVERED", httpStatus: 200 });
    expect(received).toHaveLength(1);
    const [delivery] = received;
    if (!delivery) return;
    expect(delivery.url).toBe("/deploy?token=t0ken");
    expect(verifyWebhookSignature(delivery.body, secret, String(delivery.headers["x-certdesk-signature"]))).toBe(true);
    expect(
      verifyWebhookSignature(delivery.body, generateWebhookSecret(), String(delivery.headers["x-certdesk-signature"])),
    ).toBe(false);
    expect(delivery.headers["x-certdesk-delivery"]).toBe("dep_1");
    expect(delivery.headers["x-certdesk-timestamp"]).toBe(String(now.getTime() / 1000));
    const event = JSON.parse(delivery.body);
    expect(event).toMatchObject({
      id: "dep_1",
      kind: "CERTIFICATE_DEPLOY",
      createdAt: now.toISOString(),
      certificateId: "cert_1",
      certificate: {
        serialNumber: bundle.serialNumber,
        dnsNames: ["hook.test"],
        certificatePem: bundle.certificatePem,
      },
    });
    expect(event.certificate.fullChainPem).toBe(`${bundle.certificatePem}${bundle.chainPem}`);
    expect(event).not.toHaveProperty("privateKeyPem");
    expect(delivery.body).not.toContain("PRIVATE KEY");
    // The log names the receiver, not the token in its URL.
    expect(JSON.stringify(result.steps)).not.toContain("t0ken");
  });

  it("includes the private key only when the customer ticked it", async () => {
    await postDeployWebhook({ ...base, target: { url, includePrivateKey: true } });
    expect(JSON.parse(received[0]?.body ?? "{}").privateKeyPem).toBe(bundle.privateKeyPem);
  });

  it("schedules the next attempt like notification webhooks do, and gives up after the last", async () => {
    answers.push(500, 503);
    const first = await postDeployWebhook({ ...base, target: { url, includePrivateKey: false } });
    expect(first).toMatchObject({
      status: "FAILED",
      httpStatus: 500,
      failure: { reason: "WEBHOOK_FAILED", message: expect.stringMatching(/HTTP 500/) },
      nextAttemptAt: new Date(now.getTime() + 60_000),
    });
    const last = await postDeployWebhook({
      ...base,
      attempt: WEBHOOK_MAX_ATTEMPTS,
      target: { url, includePrivateKey: false },
    });
    expect(last).toMatchObject({ status: "FAILED", httpStatus: 503, nextAttemptAt: null });
    // Every retry carries the same delivery ID, for the receiver to drop repeats.
    expect(received.map((delivery) => delivery.headers["x-certdesk-delivery"])).toEqual(["dep_1", "dep_1"]);
  });
});
