import "server-only";
import { db } from "@/lib/db/client";
import { recordValidationDelegationCheck } from "@/lib/dns-hosting/record-validation-delegation-check";
import { recordZoneDelegationCheck } from "@/lib/dns-hosting/record-zone-delegation-check";
import { finishZoneRemoval } from "@/lib/dns-hosting/remove-hosted-zone";

/** How often the job asks again about a zone (or CNAME) not delegated yet. */
export const DELEGATION_RECHECK_INTERVAL_MS = 10 * 60_000;
/** At most this many of each per run: the oldest checks first, the rest on the next runs. */
const RECHECK_LIMIT = 100;
const CONCURRENCY = 4;
/** A removal the console could not finish is tried again once its lease has passed. */
const REMOVAL_RETRY_MS = 2 * 60_000;

export type RecheckResult = { zonesChecked: number; delegationsChecked: number; zonesRemoved: number };

async function inTurns<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += CONCURRENCY) {
    await Promise.all(items.slice(start, start + CONCURRENCY).map(run));
  }
}

/**
 * The renewal job's look at what customers set at their registrar and DNS: hosted zones
 * not (fully) delegated yet and `_acme-challenge` CNAMEs not seen yet are asked about
 * again every DELEGATION_RECHECK_INTERVAL_MS, and zone removals the DNS server did not
 * finish are retried.
 */
export async function recheckDelegations(options: { now: Date }): Promise<RecheckResult> {
  const { now } = options;
  const due = new Date(now.getTime() - DELEGATION_RECHECK_INTERVAL_MS);
  const [zones, delegations, removals] = await Promise.all([
    db.hostedZone.findMany({
      where: {
        ownerId: { not: null },
        removingAt: null,
        delegationStatus: { not: "DELEGATED" },
        OR: [{ delegationCheckedAt: null }, { delegationCheckedAt: { lt: due } }],
      },
      select: { id: true, name: true, delegatedAt: true },
      orderBy: [{ delegationCheckedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      take: RECHECK_LIMIT,
    }),
    db.validationDelegation.findMany({
      where: { verifiedAt: null, OR: [{ checkedAt: null }, { checkedAt: { lt: due } }] },
      select: { id: true, domain: true, label: true, verifiedAt: true },
      orderBy: [{ checkedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      take: RECHECK_LIMIT,
    }),
    db.hostedZone.findMany({
      where: { removingAt: { lt: new Date(now.getTime() - REMOVAL_RETRY_MS) } },
      select: { id: true, name: true },
      take: RECHECK_LIMIT,
    }),
  ]);
  let zonesRemoved = 0;
  await inTurns(zones, (zone) => recordZoneDelegationCheck(zone, now));
  await inTurns(delegations, (delegation) => recordValidationDelegationCheck(delegation, now));
  await inTurns(removals, async (zone) => {
    if (await finishZoneRemoval(zone)) zonesRemoved += 1;
  });
  return { zonesChecked: zones.length, delegationsChecked: delegations.length, zonesRemoved };
}
