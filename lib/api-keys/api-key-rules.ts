// What an API key may be and when it works, for the page, the action and the API's check
// alike. API keys follow real time (lib/clock.ts systemNow), like sessions and sign-in
// limits: the demo clock moves certificates through their life, not credentials. Pure.
export const MAX_ACTIVE_API_KEYS = 2;
export const API_KEY_NAME_MAX_LENGTH = 60;
export const API_KEY_SCOPES = ["READ_ONLY", "READ_WRITE"] as const;
export type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];
/** "never", or days from creation. */
export const API_KEY_EXPIRY_CHOICES = ["never", "30", "90", "365"] as const;
export type ApiKeyExpiryChoice = (typeof API_KEY_EXPIRY_CHOICES)[number];

export type ApiKeyStatus = "ACTIVE" | "EXPIRED" | "REVOKED";

export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): ApiKeyStatus {
  if (key.revokedAt) return "REVOKED";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return "ACTIVE";
}

export function apiKeyExpiry(choice: ApiKeyExpiryChoice, now: Date): Date | null {
  return choice === "never" ? null : new Date(now.getTime() + Number(choice) * 86_400_000);
}

/** Last use is written at most this often per key (unless the address changes). */
export const LAST_USED_RESOLUTION_MS = 60_000;
