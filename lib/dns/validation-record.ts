// The DNS record that proves control of a certificate's domain, as the original
// service shapes it (docs/status-codes.md): TXT at `_dnsauth.<domain>` (a wildcard's at
// `_dnsauth.<base>`), TTL 600, a random token as its value. Pure: safe on the client,
// and randomness can be injected for tests.
import { normalizeDomainName, wildcardBase } from "@/lib/dns/normalize-domain-name";

export const VALIDATION_RECORD_TYPE = "TXT";
export const VALIDATION_RECORD_TTL = 600;
export const VALIDATION_RECORD_PREFIX = "_dnsauth";
const TOKEN_BYTES = 16;

export type ValidationRecord = {
  /** Fully qualified, lower-case, without trailing dot: how hosted zones store it too. */
  name: string;
  type: typeof VALIDATION_RECORD_TYPE;
  ttl: number;
  value: string;
};

/** Fills the array with random bytes. */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;

// Web Crypto rather than node:crypto, so the module also loads in a browser bundle.
const secureRandom: RandomFill = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** `www.example.com` → `_dnsauth.www.example.com`; `*.example.com` → `_dnsauth.example.com`. */
export function validationRecordName(domain: string): string {
  return `${VALIDATION_RECORD_PREFIX}.${wildcardBase(normalizeDomainName(domain))}`;
}

/**
 * A new validation record for the domain with a fresh 128-bit token (32 lower-case hex
 * characters). `random` defaults to the platform's cryptographic generator; pass one
 * only to make tests deterministic.
 */
export function createValidationRecord(domain: string, random: RandomFill = secureRandom): ValidationRecord {
  const token = Array.from(random(new Uint8Array(TOKEN_BYTES)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return {
    name: validationRecordName(domain),
    type: VALIDATION_RECORD_TYPE,
    ttl: VALIDATION_RECORD_TTL,
    value: token,
  };
}

function tolerantNormalize(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/**
 * The most specific of `zoneNames` that contains `name` (a domain, wildcard or record
 * name), or null. A zone contains its apex and the names ending in `.<zone>`, so
 * `badexample.com` is not in `example.com`. Case and trailing dots do not matter; the
 * zone name is returned as given.
 */
export function findHostedZone(name: string, zoneNames: readonly string[]): string | null {
  const target = wildcardBase(normalizeDomainName(name));
  let best: { given: string; length: number } | null = null;
  for (const given of zoneNames) {
    const zone = tolerantNormalize(given);
    if (zone.length === 0) continue;
    const contains = target === zone || target.endsWith(`.${zone}`);
    if (contains && (!best || zone.length > best.length)) best = { given, length: zone.length };
  }
  return best?.given ?? null;
}

/**
 * Every zone name that could contain `name`, most specific first
 * (`_dnsauth.www.example.com` → itself, `www.example.com`, `example.com`, `com`):
 * lets a database find candidate zones with one `IN` query.
 */
export function enclosingZoneNames(name: string): string[] {
  const labels = wildcardBase(normalizeDomainName(name)).split(".");
  return labels.map((_, index) => labels.slice(index).join("."));
}
