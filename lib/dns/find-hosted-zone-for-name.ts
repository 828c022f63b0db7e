import "server-only";
import { type DbTransaction, db } from "@/lib/db/client";
import { enclosingZoneNames, findHostedZone } from "@/lib/dns/validation-record";

/** `ownerId` null: the operator's validation zone (VALIDATION_DELEGATION_ZONE). */
export type HostedZoneMatch = { id: string; name: string; ownerId: string | null };

/**
 * The hosted zone that `name` (a domain, wildcard or record name) falls in: the most
 * specific one, or null. With `ownerId`, only that customer's zones count, which is
 * what DNS_AUTO requires ("hosted under the same account"). A zone being removed
 * (removingAt) no longer counts: nothing new goes into it.
 */
export async function findHostedZoneForName(
  input: { name: string; ownerId?: string },
  client: DbTransaction | typeof db = db,
): Promise<HostedZoneMatch | null> {
  const candidates = enclosingZoneNames(input.name);
  // Zone names are stored lower-case without the trailing dot, so an exact IN matches.
  const zones = await client.hostedZone.findMany({
    where: {
      name: { in: candidates },
      removingAt: null,
      ...(input.ownerId === undefined ? {} : { ownerId: input.ownerId }),
    },
    select: { id: true, name: true, ownerId: true },
  });
  const best = findHostedZone(
    input.name,
    zones.map((zone) => zone.name),
  );
  return zones.find((zone) => zone.name === best) ?? null;
}
