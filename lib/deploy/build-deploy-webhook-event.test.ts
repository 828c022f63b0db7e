import { describe, expect, it } from "vitest";
import { buildDeployWebhookEvent } from "@/lib/deploy/build-deploy-webhook-event";
import { createDeployTestAuthority } from "@/testing/servers/deploy-test-certificates";

const bundle = createDeployTestAuthority().issueBundle("api.example.com");
const input = { id: "dep_1", certificateId: "cert_1", createdAt: new Date("2026-06-01T00:00:00Z"), bundle };

describe("buildDeployWebhookEvent", () => {
  it("carries the certificate, chain and full chain in the notification webhooks' envelope", () => {
    const event = buildDeployWebhookEvent({ ...input, includePrivateKey: false });
    expect(event).toMatchObject({
      id: "dep_1",
      kind: "CERTIFICATE_DEPLOY",
      createdAt: "2026-06-01T00:00:00.000Z",
      certificateId: "cert_1",
      certificate: {
        serialNumber: bundle.serialNumber,
        dnsNames: ["api.example.com"],
        certificatePem: bundle.certificatePem,
        chainPem: bundle.chainPem,
        fullChainPem: `${bundle.certificatePem}${bundle.chainPem}`,
      },
    });
    expect(JSON.stringify(event)).not.toContain("PRIVATE KEY");
  });

  it("adds the private key only when asked", () => {
    expect(buildDeployWebhookEvent({ ...input, includePrivateKey: true }).privateKeyPem).toBe(bundle.privateKeyPem);
  });
});
