import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhookBody, verifyWebhookSignature } from "@/lib/notifications/sign-webhook";

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

  it("generates distinct, prefixed secrets", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
  });
});
