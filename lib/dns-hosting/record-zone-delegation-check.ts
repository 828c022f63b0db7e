import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { type DelegationLookupOptions, lookupDelegation } from "@/lib/dns/lookup-delegation";
import { DnsLookupError } from "@/lib/dns/lookup-txt";
import { compareDelegation } from "@/lib/dns-hosting/compare-delegation";
import { HOSTED_ZONE_VIEW_SELECT, type HostedZoneView, toHostedZoneView } from "@/lib/dns-hosting/dns-hosting-views";

/**
 * Asks the parent zone's servers whether `zone` is delegated to HOSTED_ZONE_NAMESERVERS
 * and stores the answer: the status, the name servers named, since when it is delegated.
 * A lookup that gets no answer changes only the time and the failure: the last known
 * status stays. The one check "Check now" and the renewal job both run.
 */
export async function recordZoneDelegationCheck(
  zone: { id: string; name: string; delegatedAt: Date | null },
  now: Date,
  options: DelegationLookupOptions = {},
): Promise<HostedZoneView> {
  let data: Parameters<typeof db.hostedZone.update>[0]["data"];
  try {
    const answer = await lookupDelegation(zone.name, options);
    const status = compareDelegation(getConfig().dns.hostedZoneNameservers, answer.nameservers);
    data = {
      delegationStatus: status,
      seenNameservers: answer.nameservers,
      delegationCheckedAt: now,
      delegatedAt: status === "DELEGATED" ? (zone.delegatedAt ?? now) : null,
      delegationCheckFailure: null,
    };
  } catch (error) {
    if (!(error instanceof DnsLookupError)) throw error;
    data = { delegationCheckedAt: now, delegationCheckFailure: error.code };
  }
  const updated = await db.hostedZone.update({ where: { id: zone.id }, data, select: HOSTED_ZONE_VIEW_SELECT });
  return toHostedZoneView(updated);
}
