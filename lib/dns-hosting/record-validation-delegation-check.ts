import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { DnsLookupError } from "@/lib/dns/lookup-txt";
import type { AuthoritativeLookupOptions } from "@/lib/dns/lookup-txt-at-authoritative";
import {
  toValidationDelegationView,
  VALIDATION_DELEGATION_VIEW_SELECT,
  type ValidationDelegationView,
} from "@/lib/dns-hosting/dns-hosting-views";
import { followValidationDelegation } from "@/lib/dns-hosting/follow-validation-delegation";
import { delegationTarget } from "@/lib/dns-hosting/validation-delegation-names";

/**
 * Looks at `_acme-challenge.<domain>` where its zone's servers answer and stores whether
 * it points (directly or through a chain of CNAMEs) at this delegation's target. A lookup
 * that gets no answer changes only the time and the failure. "Check now" and the renewal
 * job both run this; a validation through the delegation looks again each time it is used.
 */
export async function recordValidationDelegationCheck(
  delegation: { id: string; domain: string; label: string; verifiedAt: Date | null },
  now: Date,
  options: AuthoritativeLookupOptions = {},
): Promise<ValidationDelegationView | null> {
  const zone = getConfig().dns.validationDelegationZone;
  if (!zone) return null;
  let data: Parameters<typeof db.validationDelegation.update>[0]["data"];
  try {
    const followed = await followValidationDelegation(delegation.domain, zone, options);
    const verified = followed.target === delegationTarget(delegation.label, zone);
    data = {
      checkedAt: now,
      verifiedAt: verified ? (delegation.verifiedAt ?? now) : null,
      seenTarget: followed.firstTarget,
      checkFailure: null,
    };
  } catch (error) {
    if (!(error instanceof DnsLookupError)) throw error;
    data = { checkedAt: now, checkFailure: error.code };
  }
  const updated = await db.validationDelegation.update({
    where: { id: delegation.id },
    data,
    select: VALIDATION_DELEGATION_VIEW_SELECT,
  });
  return toValidationDelegationView(updated, zone);
}
