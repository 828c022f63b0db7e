import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { isDnsProviderError } from "@/lib/dns/providers/dns-provider";
import { getDnsProvider } from "@/lib/dns/providers/get-dns-provider";
import { enclosingZoneNames } from "@/lib/dns/validation-record";
import { HOSTED_ZONE_VIEW_SELECT, type HostedZoneView } from "@/lib/dns-hosting/dns-hosting-views";
import { checkHostedZoneName, zonesOverlap } from "@/lib/dns-hosting/hosted-zone-name";
import { recordZoneDelegationCheck } from "@/lib/dns-hosting/record-zone-delegation-check";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

/** Zones one account may host: enough for any customer, a bound for abuse. */
export const MAX_HOSTED_ZONES = 100;
/** The first delegation check right after adding is a courtesy: it may not hold the page up long. */
const FIRST_CHECK_TIMEOUT_MS = 3_000;

type Input = { ownerId: string; name: string; actorId: string; ip: string | null; now: Date };

/**
 * Adds a domain to the owner's DNS hosting: the name is claimed in the database first
 * (HostedZone.name is unique: one account per domain), then the zone is created in the
 * DNS server through the configured provider with HOSTED_ZONE_NAMESERVERS, and a first
 * delegation check is made. A zone the server refuses to create is not kept. Refused: a
 * name already hosted (by this account or another), one that overlaps a hosted zone or
 * the operator's validation zone, one already on the DNS server without CertDesk.
 */
export async function addHostedZone(input: Input): Promise<HostedZoneView> {
  const checked = checkHostedZoneName(input.name);
  if (!checked.ok) throw new AppError("DNS_NAME_INVALID", { problem: checked.problem });
  const name = checked.name;
  const { dns } = getConfig();
  const provider = getDnsProvider();
  if (provider.kind === "rfc2136") throw new AppError("DNS_ZONE_CREATION_UNSUPPORTED");
  if (dns.validationDelegationZone && zonesOverlap(name, dns.validationDelegationZone)) {
    throw new AppError("DNS_ZONE_RESERVED", { name });
  }

  const zone = await db
    .$transaction(async (tx) => {
      // One addition per account at a time, so the limit holds under concurrent requests
      // (NO KEY: rows that merely reference the user are not held up).
      await queryRows(tx, sqlBuilder.selectFrom("User").select("id").where("id", "=", input.ownerId).forNoKeyUpdate());
      const overlapping = await tx.hostedZone.findMany({
        where: { OR: [{ name: { in: enclosingZoneNames(name) } }, { name: { endsWith: `.${name}` } }] },
        select: { name: true, ownerId: true },
        orderBy: { name: "asc" },
      });
      const same = overlapping.find((zone) => zone.name === name);
      if (same) throw new AppError(same.ownerId === input.ownerId ? "DNS_ZONE_EXISTS" : "DNS_ZONE_TAKEN", { name });
      const [first] = overlapping;
      if (first) {
        throw new AppError(first.ownerId === null ? "DNS_ZONE_RESERVED" : "DNS_ZONE_OVERLAPS", {
          name,
          zone: first.name,
        });
      }
      if ((await tx.hostedZone.count({ where: { ownerId: input.ownerId } })) >= MAX_HOSTED_ZONES) {
        throw new AppError("DNS_HOSTING_LIMIT_REACHED", { max: MAX_HOSTED_ZONES });
      }
      const created = await tx.hostedZone.create({
        data: { ownerId: input.ownerId, name, createdAt: input.now },
        select: { ...HOSTED_ZONE_VIEW_SELECT },
      });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "dnsZone.add",
        targetType: "HostedZone",
        targetId: created.id,
        after: { name, nameservers: dns.hostedZoneNameservers, provider: provider.kind },
        ip: input.ip,
        at: input.now,
      });
      return created;
    })
    .catch((error: unknown) => {
      // Another account claimed the name between the check and the insert.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("DNS_ZONE_TAKEN", { name });
      }
      throw error;
    });

  let created: boolean;
  try {
    ({ created } = await provider.createZone({ name, nameservers: dns.hostedZoneNameservers, ownerId: input.ownerId }));
  } catch (error) {
    await forgetZone(zone.id);
    if (!isDnsProviderError(error)) throw error;
    logger.error({ err: error, zone: name, provider: provider.describe() }, "the DNS server did not create a zone");
    // A wrong key is the operator's to fix, not the customer's to retry.
    const refused = error.code === "UNAUTHORIZED" || error.code === "REFUSED";
    throw new AppError(refused ? "DNS_SERVER_REFUSED" : "DNS_SERVER_UNAVAILABLE");
  }
  // The demo's zone is the row just made; a real server that already had the zone holds
  // someone else's records (the operator's own domain, or a zone made by hand).
  if (!created && provider.kind !== "demo") {
    await forgetZone(zone.id);
    throw new AppError("DNS_ZONE_ON_SERVER", { name });
  }
  return recordZoneDelegationCheck(zone, input.now, { timeoutMs: FIRST_CHECK_TIMEOUT_MS });
}

/** Drops the claim on a name the DNS server did not take (its audit entry stays, as history). */
async function forgetZone(zoneId: string): Promise<void> {
  await db.hostedZone.deleteMany({ where: { id: zoneId } });
}
