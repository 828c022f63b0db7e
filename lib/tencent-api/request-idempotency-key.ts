import { createHash } from "node:crypto";

/**
 * An idempotency key derived from the signed request (its action, key and signature): the
 * same request arriving twice, in two app processes at once, does its work once. A request
 * signed anew is a new request, as with the original. UUID-shaped, as the console's keys are.
 */
export function requestIdempotencyKey(action: string, apiKeyId: string, signature: string): string {
  const hex = createHash("sha256").update(`${action}:${apiKeyId}:${signature}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
