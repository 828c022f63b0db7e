// The names of automatic validation for third-party domains: the customer's DNS has, once,
// `_acme-challenge.<domain>` CNAME `<label>.<validation zone>`, and CertDesk writes the
// domain's validation records at that target in its own zone. Pure and client-safe.
import { VALIDATION_RECORD_PREFIX } from "@/lib/dns/validation-record";
import { checkHostedZoneName, type HostedZoneNameCheck } from "@/lib/dns-hosting/hosted-zone-name";

/** RFC 8555's DNS-01 label, which CAs look up and follow CNAMEs from. */
export const ACME_CHALLENGE_LABEL = "_acme-challenge";
/** Random bytes in a delegation label: unguessable, so no one else's CNAME can match it. */
const LABEL_BYTES = 12;

export type RandomFill = (bytes: Uint8Array) => Uint8Array;
const secureRandom: RandomFill = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** A domain as a delegation names it: the same names as a hosted zone (a wildcard is covered by its base). */
export function checkDelegationDomain(input: string): HostedZoneNameCheck {
  return checkHostedZoneName(input);
}

/** A new label for one account's delegation of one domain: 24 lower-case hex characters. */
export function createDelegationLabel(random: RandomFill = secureRandom): string {
  return Array.from(random(new Uint8Array(LABEL_BYTES)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Where the customer adds the CNAME: `_acme-challenge.<domain>`. */
export function delegationRecordName(domain: string): string {
  return `${ACME_CHALLENGE_LABEL}.${domain}`;
}

/** What the CNAME points at, in the operator's validation zone. */
export function delegationTarget(label: string, validationZone: string): string {
  return `${label}.${validationZone}`;
}

/**
 * The domain a built-in CA validation record (`_dnsauth.<domain>`) proves, which a
 * delegation of that domain can stand in for; null for any other name.
 */
export function domainOfValidationRecord(recordName: string): string | null {
  const prefix = `${VALIDATION_RECORD_PREFIX}.`;
  return recordName.startsWith(prefix) && recordName.length > prefix.length ? recordName.slice(prefix.length) : null;
}
