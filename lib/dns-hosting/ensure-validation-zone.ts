import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { isDnsProviderError } from "@/lib/dns/providers/dns-provider";
import { getDnsProvider } from "@/lib/dns/providers/get-dns-provider";
import { logger } from "@/lib/logger";

export type ValidationZone = { id: string; name: string };

// Whether this process has made sure the DNS server has the zone: once is enough.
let ensuredOnServer: Promise<void> | undefined;

/**
 * The operator's validation zone (VALIDATION_DELEGATION_ZONE) as a zone row without an
 * owner, made on first use, and created on the DNS server when the provider can (PowerDNS;
 * an RFC 2136 server must have it already, the demo's is the row). Null when automatic
 * validation of third-party domains is not configured. A failure to reach the DNS server
 * is logged and tried again on the next call: records queued meanwhile wait in the outbox.
 */
export async function ensureValidationZone(): Promise<ValidationZone | null> {
  const { dns } = getConfig();
  const name = dns.validationDelegationZone;
  if (!name) return null;
  await db.hostedZone.createMany({ data: [{ name, ownerId: null }], skipDuplicates: true });
  const zone = await db.hostedZone.findUniqueOrThrow({
    where: { name },
    select: { id: true, name: true, ownerId: true },
  });
  if (zone.ownerId !== null) {
    // A customer hosted it before the operator configured it: their records must not mix with everyone's.
    throw new Error(`VALIDATION_DELEGATION_ZONE ${name} is a customer's hosted zone; choose another name`);
  }
  ensuredOnServer ??= createOnServer(name, dns.hostedZoneNameservers).catch((error: unknown) => {
    ensuredOnServer = undefined;
    logger.warn({ err: error, zone: name }, "the validation zone could not be created on the DNS server");
  });
  await ensuredOnServer;
  return { id: zone.id, name: zone.name };
}

async function createOnServer(name: string, nameservers: string[]): Promise<void> {
  const provider = getDnsProvider();
  try {
    await provider.createZone({ name, nameservers, ownerId: null });
  } catch (error) {
    // RFC 2136 cannot create zones: the operator made this one (README, "Real CA and DNS").
    if (isDnsProviderError(error) && error.code === "UNSUPPORTED") return;
    throw error;
  }
}
