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
  /** The certificate whose validation needs the record: it is removed once that is validated or has ended. */
  certificateId?: string | null;
  now: Date;
};

export type HostedValidationRecord = {
  zoneId: string;
  zoneName: string;
  /** False when the same record was already there. */
  created: boolean;
};

/**
 * Queues the TXT validation record in the owner's hosted zone containing `name`. Null
 * when no zone of that owner contains it: the customer must add the record by hand.
 * The row is written in the caller's transaction (pass it as `client`) and reaches the
 * DNS server after commit (syncDnsRecords; at once under the demo provider, whose rows
 * are the DNS). Idempotent and safe under concurrency: the (zoneId, name, type, value)
 * unique key with ON CONFLICT DO NOTHING.
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
        certificateId: input.certificateId ?? null,
        state: "PENDING",
        createdAt: input.now,
      },
    ],
    skipDuplicates: true,
  });
  return { zoneId: zone.id, zoneName: zone.name, created: count === 1 };
}
