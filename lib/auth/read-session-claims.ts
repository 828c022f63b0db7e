// Reads the Auth.js session cookie straight from the request. Calling Auth.js's `auth()`
// ran its whole session endpoint on every request: a synthetic Request, the token decrypted
// (HKDF + AES + HMAC), then re-encrypted into a refreshed cookie that a server render cannot
// set and that was thrown away. Here the token is decrypted once per process and the
// result kept until the token expires: the same cookie always decrypts to the same claims.
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";

export type SessionClaims = { userId: string; sessionVersion: number };

/** Auth.js's names: the `__Secure-` one is set over HTTPS. Each is also the key-derivation salt. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type CookieReader = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };
export type DecryptSessionToken = (params: {
  token: string;
  secret: string;
  salt: string;
}) => Promise<Record<string, unknown> | null>;

type CachedClaims = { claims: SessionClaims | null; expiresAtMs: number };

const MAX_CACHED_TOKENS = 10_000;
// A token that fails to decrypt is remembered briefly, so a forged cookie replayed in a
// loop costs one decryption, not one per request.
const REFUSED_TOKEN_TTL_MS = 60_000;

/** Auth.js splits a token longer than a cookie allows into `name.0`, `name.1`, ... */
function tokenIn(cookies: CookieReader, name: string): string | undefined {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .filter((cookie) => cookie.name.startsWith(`${name}.`))
    .map((cookie) => ({ index: Number(cookie.name.slice(name.length + 1)), value: cookie.value }))
    .filter((chunk) => Number.isInteger(chunk.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join("") : undefined;
}

function claimsFrom(payload: Record<string, unknown> | null): { claims: SessionClaims; expiresAtMs: number } | null {
  if (
    !payload ||
    typeof payload.uid !== "string" ||
    typeof payload.sv !== "number" ||
    typeof payload.exp !== "number"
  ) {
    return null;
  }
  return { claims: { userId: payload.uid, sessionVersion: payload.sv }, expiresAtMs: payload.exp * 1000 };
}

export function createSessionClaimsReader(options: { secret: string; decrypt?: DecryptSessionToken }) {
  const decrypt: DecryptSessionToken = options.decrypt ?? decode;
  const cache = new Map<string, CachedClaims>();

  function remember(key: string, entry: CachedClaims): void {
    if (cache.size >= MAX_CACHED_TOKENS) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, entry);
  }

  return async function readSessionClaims(cookies: CookieReader, now: Date): Promise<SessionClaims | null> {
    for (const name of SESSION_COOKIE_NAMES) {
      const token = tokenIn(cookies, name);
      if (!token) continue;
      // Keyed by a digest: a cookie can be kilobytes long, and anyone can send one.
      const key = createHash("sha256").update(name).update("\n").update(token).digest("base64");
      const cached = cache.get(key);
      if (cached && cached.expiresAtMs > now.getTime()) {
        if (cached.claims) return cached.claims;
        continue;
      }
      if (cached) cache.delete(key);
      let decoded: { claims: SessionClaims; expiresAtMs: number } | null = null;
      try {
        decoded = claimsFrom(await decrypt({ token, secret: options.secret, salt: name }));
      } catch {
        // Tampered, foreign or expired: the same as no session.
      }
      if (decoded && decoded.expiresAtMs <= now.getTime()) decoded = null;
      remember(key, decoded ?? { claims: null, expiresAtMs: now.getTime() + REFUSED_TOKEN_TTL_MS });
      if (decoded) return decoded.claims;
    }
    return null;
  };
}
