import "server-only";
import { db } from "@/lib/db/client";
import type { HostedZoneView } from "@/lib/dns-hosting/dns-hosting-views";
import { recordZoneDelegationCheck } from "@/lib/dns-hosting/record-zone-delegation-check";
import { AppError } from "@/lib/errors";

/** "Check now" on one of the owner's hosted zones. */
export async function checkZoneDelegation(input: {
  ownerId: string;
  zoneId: string;
  now: Date;
}): Promise<HostedZoneView> {
  const zone = await db.hostedZone.findFirst({
    where: { id: input.zoneId, ownerId: input.ownerId, removingAt: null },
    select: { id: true, name: true, delegatedAt: true },
  });
  if (!zone) throw new AppError("NOT_FOUND");
  return recordZoneDelegationCheck(zone, input.now);
}
