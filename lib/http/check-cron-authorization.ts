import { createHash, timingSafeEqual } from "node:crypto";

const SECRET_PARAMETER = /(secret|token|key|auth|password)/i;

/**
 * Whether a request to the job route carries `Authorization: Bearer <secret>`.
 * Compared in constant time (on digests, so the length does not leak either). A
 * secret anywhere in the query string is refused even with a valid header: URLs end
 * up in logs, so the route must never be called that way.
 */
export function isAuthorizedCronRequest(url: URL, authorization: string | null, secret: string): boolean {
  for (const [name, value] of url.searchParams) {
    if (SECRET_PARAMETER.test(name) || value.includes(secret)) return false;
  }
  const match = /^Bearer\s+(.+)$/.exec(authorization?.trim() ?? "");
  if (!match?.[1] || !secret) return false;
  const given = createHash("sha256").update(match[1]).digest();
  const expected = createHash("sha256").update(secret).digest();
  return timingSafeEqual(given, expected);
}
