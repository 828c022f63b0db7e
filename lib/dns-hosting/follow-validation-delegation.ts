import { type AuthoritativeLookupOptions, lookupCnameAtAuthoritative } from "@/lib/dns/lookup-txt-at-authoritative";
import { delegationRecordName } from "@/lib/dns-hosting/validation-delegation-names";

/** As many CNAME hops as CAs follow before giving up. */
const MAX_HOPS = 8;

export type FollowedDelegation = {
  /** What `_acme-challenge.<domain>` points at directly; null: it has no CNAME. */
  firstTarget: string | null;
  /** Where the chain enters the validation zone; null: it never does. */
  target: string | null;
};

/**
 * Follows the CNAME chain from `_acme-challenge.<domain>`, asking each name's
 * authoritative servers (or the override server), until it reaches a name in
 * `validationZone`: our own zone, whose answers we know without asking. Throws
 * DnsLookupError when a server does not answer.
 */
export async function followValidationDelegation(
  domain: string,
  validationZone: string,
  options: AuthoritativeLookupOptions,
): Promise<FollowedDelegation> {
  const seen = new Set<string>();
  let name = delegationRecordName(domain);
  let firstTarget: string | null = null;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    seen.add(name);
    const next = await lookupCnameAtAuthoritative(name, options);
    if (!next) return { firstTarget, target: null };
    firstTarget ??= next;
    if (next === validationZone || next.endsWith(`.${validationZone}`)) return { firstTarget, target: next };
    if (seen.has(next)) return { firstTarget, target: null };
    name = next;
  }
  return { firstTarget, target: null };
}
