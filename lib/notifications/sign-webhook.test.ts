import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  generateWebhookSecret,
  signedWebhookHeaders,
  signWebhookBody,
  verifyWebhookSignature,
} from "@/lib/notifications/sign-webhook";

describe("webhook signatures", () => {
  it("is the HMAC-SHA256 of the raw body, verifiable by a receiver", () => {
    const body = JSON.stringify({ id: "n1", kind: "EXPIRY_REMINDER" });
    const secret = generateWebhookSecret();
    const signature = signWebhookBody(body, secret);
    expect(signature).toBe(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
    expect(verifyWebhookSignature(body, secret, signature)).toBe(true);
    expect(verifyWebhookSignature(`${body} `, secret, signature)).toBe(false);
    expect(verifyWebhookSignature(body, generateWebhookSecret(), signature)).toBe(false);
    expect(verifyWebhookSignature(body, secret, "sha256=short")).toBe(false);
  });

  it("puts the signature, the send time in Unix seconds and the delivery ID in the headers", () => {
    const body = JSON.stringify({ id: "d1" });
    const secret = generateWebhookSecret();
    expect(
      signedWebhookHeaders({ body, secret, deliveryId: "d1", sentAt: new Date("2026-06-01T00:00:01.900Z") }),
    ).toEqual({
      "Content-Type": "application/json",
      "User-Agent": "CertDesk-Webhook/1",
      "X-CertDesk-Signature": signWebhookBody(body, secret),
      "X-CertDesk-Timestamp": "1780272001",
      "X-CertDesk-Delivery": "d1",
    });
  });

  it("generates distinct, prefixed secrets", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
