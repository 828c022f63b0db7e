// A signed cookie a browser gets after a successful sign-in. Failed attempts that
// carry it are limited on their own (see sign-in-limits.ts): knowing the address is
// not enough to use the real user's allowance, the attacker would need this cookie.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE = "certdesk_device";
export const DEVICE_TOKEN_MAX_AGE_SECONDS = 180 * 24 * 3600;

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`device:${payload}`).digest("base64url");
}

export function issueDeviceToken(userId: string, secret: string): string {
  const payload = `${userId}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The device id inside a valid token for this user, else undefined. */
export function readDeviceToken(token: string | undefined, userId: string, secret: string): string | undefined {
  if (!token) return undefined;
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [tokenUserId, deviceId, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${tokenUserId}.${deviceId}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return tokenUserId === userId ? deviceId : undefined;
}
