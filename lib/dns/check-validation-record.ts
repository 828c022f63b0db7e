import "server-only";
import { getConfig } from "@/lib/config";
import { type DbTransaction, db } from "@/lib/db/client";
import { findHostedZoneForName } from "@/lib/dns/find-hosted-zone-for-name";
import { lookupTxt } from "@/lib/dns/lookup-txt";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import { VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";

export type ValidationRecordCheck = {
  /** Whether a TXT record at the name has exactly the expected value. */
  found: boolean;
  /** "hosted-zone": answered from our own zone data; "dns": asked a DNS server. */
  source: "hosted-zone" | "dns";
  /** Every TXT value at the name, so the console can show what is there instead. */
  values: string[];
};

export type CheckValidationRecordInput = {
  /** The record name, e.g. `_dnsauth.www.example.com`. */
  name: string;
  /** The expected token. */
  value: string;
  /** Consider only this customer's hosted zones; other names are asked of DNS. */
  ownerId?: string;
  /** "host:port" to ask instead of DNS_RESOLVER (tests, the demo). */
  resolver?: string;
  timeoutMs?: number;
};

/**
 * Whether the validation record is in place. A name inside a hosted zone is answered
 * from our zone data (we are that zone's DNS), without any network; any other name
 * is looked up at `resolver`, else DNS_RESOLVER, else the system's servers.
 * A lookup that cannot answer throws DnsLookupError: "could not check", not "absent".
 */
export async function checkValidationRecord(
  input: CheckValidationRecordInput,
  client: DbTransaction | typeof db = db,
): Promise<ValidationRecordCheck> {
  const name = normalizeDomainName(input.name);
  const expected = input.value.trim();
  const zone = await findHostedZoneForName({ name, ownerId: input.ownerId }, client);
  if (zone) {
    const records = await client.dnsRecord.findMany({
      where: { zoneId: zone.id, name, type: VALIDATION_RECORD_TYPE },
      select: { value: true },
      orderBy: [{ createdAt: "asc" }, { value: "asc" }],
    });
    const values = records.map((record) => record.value);
    return { found: values.includes(expected), source: "hosted-zone", values };
  }
  const values = await lookupTxt(name, {
    resolver: input.resolver ?? getConfig().dnsResolver,
    timeoutMs: input.timeoutMs,
  });
  return { found: values.some((value) => value.trim() === expected), source: "dns", values };
}
