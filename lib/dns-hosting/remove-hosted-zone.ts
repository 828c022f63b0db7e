import "server-only";
import { sql } from "kysely";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { isDnsProviderError } from "@/lib/dns/providers/dns-provider";
import { getDnsProvider } from "@/lib/dns/providers/get-dns-provider";
import { AppError } from "@/lib/errors";
import type { CertificateStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";

const WAITING_STATUSES: CertificateStatus[] = ["PENDING_VALIDATION", "DNS_RECORD_ADDED"];

export type RemoveHostedZoneResult = {
  /** False when the DNS server could not be reached: the zone shows as being removed, and the renewal job finishes it. */
  removed: boolean;
};

/**
 * Removes one of the owner's hosted zones: refused while a certificate waiting for
 * validation has its record in it. The zone is marked first (nothing new goes into it,
 * its name stays taken), then deleted from the DNS server and from CertDesk.
 */
export async function removeHostedZone(input: {
  ownerId: string;
  zoneId: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<RemoveHostedZoneResult> {
  const zone = await db.$transaction(async (tx) => {
    // Locked first: a renewal inserting a record into this zone (a foreign-key share lock)
    // either commits before this check sees it, or fails and is retried without the zone.
    const [locked] = await queryRows(
      tx,
      sqlBuilder
        .selectFrom("HostedZone")
        .select(["id", "name", "removingAt"])
        .where("id", "=", input.zoneId)
        .where("ownerId", "=", input.ownerId)
        .forUpdate(),
    );
    if (!locked) throw new AppError("NOT_FOUND");
    if (locked.removingAt) return locked;
    const [waiting] = await queryRows(
      tx,
      sqlBuilder
        .selectFrom("DnsRecord as r")
        .innerJoin("Certificate as c", "c.id", "r.certificateId")
        .select("c.domain")
        .where("r.zoneId", "=", locked.id)
        .where("c.validatedAt", "is", null)
        .where(sql<string>`c.status::text`, "=", sql<string>`ANY(${WAITING_STATUSES}::text[])`)
        .orderBy("c.createdAt")
        .limit(1),
    );
    if (waiting) throw new AppError("DNS_ZONE_IN_USE", { name: locked.name, domain: waiting.domain });
    await tx.hostedZone.update({ where: { id: locked.id }, data: { removingAt: input.now } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "dnsZone.remove",
      targetType: "HostedZone",
      targetId: locked.id,
      before: { name: locked.name },
      ip: input.ip,
      at: input.now,
    });
    return locked;
  });
  return { removed: await finishZoneRemoval(zone) };
}

/**
 * Deletes a zone marked for removal from the DNS server, then its row (and records).
 * False when the server could not be reached: the row stays marked for the next try.
 */
export async function finishZoneRemoval(zone: { id: string; name: string }): Promise<boolean> {
  const provider = getDnsProvider();
  try {
    await provider.deleteZone(zone.name);
  } catch (error) {
    // An RFC 2136 server's zones are its operator's: CertDesk only stops writing to it.
    if (!(isDnsProviderError(error) && error.code === "UNSUPPORTED")) {
      logger.warn({ err: error, zone: zone.name }, "the DNS server did not delete a removed zone; the job will retry");
      return false;
    }
  }
  await db.hostedZone.deleteMany({ where: { id: zone.id, removingAt: { not: null } } });
  return true;
}
