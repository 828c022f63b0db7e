// The signature a webhook receiver checks: HMAC-SHA256 of the raw request body with the
// account's signing secret, as "sha256=<hex>".
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-CertDesk-Signature";
export const TIMESTAMP_HEADER = "X-CertDesk-Timestamp";
export const DELIVERY_HEADER = "X-CertDesk-Delivery";

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/**
 * The headers of one signed attempt, for every kind of webhook CertDesk sends (notifications,
 * deployments): the signature of the raw body, when it was sent (Unix seconds) and the
 * delivery's ID, which stays the same on every retry.
 */
export function signedWebhookHeaders(input: {
  body: string;
  secret: string;
  deliveryId: string;
  sentAt: Date;
}): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "User-Agent": "CertDesk-Webhook/1",
    [SIGNATURE_HEADER]: signWebhookBody(input.body, input.secret),
    [TIMESTAMP_HEADER]: String(Math.floor(input.sentAt.getTime() / 1000)),
    [DELIVERY_HEADER]: input.deliveryId,
  };
}

/** How a receiver verifies (also used by the tests): constant-time comparison. */
export function verifyWebhookSignature(body: string, secret: string, signature: string): boolean {
  const expected = Buffer.from(signWebhookBody(body, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new signing secret: 32 random bytes, with a prefix that says what it is when it turns up somewhere. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
