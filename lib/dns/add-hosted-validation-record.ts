import "server-only";
import { type DbTransaction, db } from "@/lib/db/client";
import { findHostedZoneForName } from "@/lib/dns/find-hosted-zone-for-name";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import { VALIDATION_RECORD_TTL, VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";

export type AddHostedValidationRecordInput = {
  /** The customer whose hosted zone may receive the record (DNS_AUTO needs the same account). */
  ownerId: string;
  /** The record name, e.g. `_dnsauth.www.example.com`. */
  name: string;
  value: string;
  ttl?: number;
  now: Date;
};

export type HostedValidationRecord = {
  zoneId: string;
  zoneName: string;
  /** False when the same record was already there. */
  created: boolean;
};

/**
 * Adds the TXT validation record to the owner's hosted zone containing `name`. Null
 * when no zone of that owner contains it: the customer must add the record by hand.
 * Idempotent and safe under concurrency: the (zoneId, name, type, value) unique key
 * with ON CONFLICT DO NOTHING. Pass a transaction client to add it atomically with
 * other writes.
 */
export async function addHostedValidationRecord(
  input: AddHostedValidationRecordInput,
  client: DbTransaction | typeof db = db,
): Promise<HostedValidationRecord | null> {
  const name = normalizeDomainName(input.name);
  const zone = await findHostedZoneForName({ name, ownerId: input.ownerId }, client);
  if (!zone) return null;
  const { count } = await client.dnsRecord.createMany({
    data: [
      {
        zoneId: zone.id,
        name,
        type: VALIDATION_RECORD_TYPE,
        value: input.value.trim(),
        ttl: input.ttl ?? VALIDATION_RECORD_TTL,
        createdAt: input.now,
      },
    ],
    skipDuplicates: true,
  });
  return { zoneId: zone.id, zoneName: zone.name, created: count === 1 };
}
