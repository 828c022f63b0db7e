import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import {
  createSessionClaimsReader,
  type DecryptSessionToken,
  SESSION_COOKIE_NAMES,
} from "@/lib/auth/read-session-claims";

const SECRET = "test-secret-that-is-long-enough-for-auth-js-0123456789";
const [SECURE_NAME, PLAIN_NAME] = SESSION_COOKIE_NAMES;
const NOW = new Date("2026-11-27T12:00:00Z");

function jar(cookies: Record<string, string>) {
  return {
    get: (name: string) => (name in cookies ? { value: cookies[name] as string } : undefined),
    getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
  };
}

// What Auth.js writes after sign-in: our jwt callback's uid/sv, its own exp.
async function sessionToken(options: { salt?: string; secret?: string; maxAge?: number; uid?: unknown } = {}) {
  return encode({
    token: { uid: options.uid ?? "user-1", sv: 3, sub: "user-1" },
    secret: options.secret ?? SECRET,
    salt: options.salt ?? PLAIN_NAME,
    maxAge: options.maxAge ?? 3600,
  });
}

describe("readSessionClaims", () => {
  it("reads the user id and session version from the cookie Auth.js set", async () => {
    const read = createSessionClaimsReader({ secret: SECRET });
    const claims = await read(jar({ [PLAIN_NAME]: await sessionToken() }), new Date());
    expect(claims).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("reads the __Secure- cookie set over HTTPS, whose key is derived with its own name", async () => {
    const read = createSessionClaimsReader({ secret: SECRET });
    const token = await sessionToken({ salt: SECURE_NAME });
    expect(await read(jar({ [SECURE_NAME]: token }), new Date())).toEqual({ userId: "user-1", sessionVersion: 3 });
    // The same token under the other name was encrypted with another key.
    expect(await read(jar({ [PLAIN_NAME]: token }), new Date())).toBeNull();
  });

  it("passes over a refused cookie to the other name, on every request", async () => {
    const read = createSessionClaimsReader({ secret: SECRET });
    const cookies = jar({ [SECURE_NAME]: "left-over-garbage", [PLAIN_NAME]: await sessionToken() });
    for (let i = 0; i < 2; i++)
      expect(await read(cookies, new Date())).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("joins a token Auth.js split into numbered chunks", async () => {
    const read = createSessionClaimsReader({ secret: SECRET });
    const token = await sessionToken();
    const middle = Math.floor(token.length / 2);
    const cookies = jar({ [`${PLAIN_NAME}.1`]: token.slice(middle), [`${PLAIN_NAME}.0`]: token.slice(0, middle) });
    expect(await read(cookies, new Date())).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("refuses no cookie, a tampered token, another secret's token and one without our claims", async () => {
    const read = createSessionClaimsReader({ secret: SECRET });
    const token = await sessionToken();
    const tampered = `${token.slice(0, -6)}${token.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await read(jar({}), new Date())).toBeNull();
    expect(await read(jar({ [PLAIN_NAME]: tampered }), new Date())).toBeNull();
    expect(await read(jar({ [PLAIN_NAME]: await sessionToken({ secret: `${SECRET}-other` }) }), new Date())).toBeNull();
    expect(await read(jar({ [PLAIN_NAME]: await sessionToken({ uid: 42 }) }), new Date())).toBeNull();
    expect(await read(jar({ [PLAIN_NAME]: "not-a-jwe" }), new Date())).toBeNull();
  });

  it("decrypts a token once, and stops accepting it when it expires even from memory", async () => {
    const decrypt = vi.fn<DecryptSessionToken>((params) => decode(params));
    const read = createSessionClaimsReader({ secret: SECRET, decrypt });
    const token = await sessionToken({ maxAge: 3600 });
    const issuedAt = new Date();
    for (let i = 0; i < 5; i++) {
      expect(await read(jar({ [PLAIN_NAME]: token }), issuedAt)).toEqual({ userId: "user-1", sessionVersion: 3 });
    }
    expect(decrypt).toHaveBeenCalledTimes(1);
    const afterExpiry = new Date(issuedAt.getTime() + 3601_000);
    expect(await read(jar({ [PLAIN_NAME]: token }), afterExpiry)).toBeNull();
  });

  it("remembers a refused token for a while instead of decrypting it on every request", async () => {
    const decrypt = vi.fn<DecryptSessionToken>((params) => decode(params));
    const read = createSessionClaimsReader({ secret: SECRET, decrypt });
    for (let i = 0; i < 3; i++) expect(await read(jar({ [PLAIN_NAME]: "forged" }), NOW)).toBeNull();
    expect(decrypt).toHaveBeenCalledTimes(1);
    expect(await read(jar({ [PLAIN_NAME]: "forged" }), new Date(NOW.getTime() + 61_000))).toBeNull();
    expect(decrypt).toHaveBeenCalledTimes(2);
  });

  it("keeps at most 10,000 tokens in memory, forgetting the oldest first", async () => {
    const decrypt = vi.fn<DecryptSessionToken>(async () => null);
    const read = createSessionClaimsReader({ secret: SECRET, decrypt });
    for (let i = 0; i <= 10_000; i++) await read(jar({ [PLAIN_NAME]: `forged-${i}` }), NOW);
    expect(decrypt).toHaveBeenCalledTimes(10_001);
    await read(jar({ [PLAIN_NAME]: "forged-10000" }), NOW);
    expect(decrypt).toHaveBeenCalledTimes(10_001);
    await read(jar({ [PLAIN_NAME]: "forged-0" }), NOW);
    expect(decrypt).toHaveBeenCalledTimes(10_002);
  });
});
