import "server-only";
import { systemNow } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { type DbTransaction, db } from "@/lib/db/client";
import { findHostedZoneForName, type HostedZoneMatch } from "@/lib/dns/find-hosted-zone-for-name";
import { DnsLookupError, lookupTxt } from "@/lib/dns/lookup-txt";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import { isDnsProviderError } from "@/lib/dns/providers/dns-provider";
import { getDnsProvider } from "@/lib/dns/providers/get-dns-provider";
import { syncDnsRecords } from "@/lib/dns/sync-dns-records";
import { VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";
import { checkDelegatedValidationRecord } from "@/lib/dns-hosting/check-delegated-validation-record";

export type ValidationRecordCheck = {
  /** Whether a TXT record at the name has exactly the expected value. */
  found: boolean;
  /**
   * "hosted-zone": answered by our own DNS server (DNS_PROVIDER) for a zone hosted with us;
   * "delegation": the name's _acme-challenge CNAME points into our validation zone, where
   * we wrote the value and read it back; "dns": asked a DNS server.
   */
  source: "hosted-zone" | "delegation" | "dns";
  /** Every TXT value at the name, so the console can show what is there instead. */
  values: string[];
};

export type CheckValidationRecordInput = {
  /** The record name, e.g. `_dnsauth.www.example.com`. */
  name: string;
  /** The expected token. */
  value: string;
  /** Consider only this customer's hosted zones and delegations; other names are asked of DNS. */
  ownerId?: string;
  /** "host:port" to ask instead of DNS_RESOLVER (tests, the demo). */
  resolver?: string;
  timeoutMs?: number;
};

/**
 * Whether the validation record is in place. A name inside a hosted zone is answered by
 * our DNS server (under the demo provider, our zone rows), after writing the record there
 * if it is still queued; a `_dnsauth` name of a domain the owner delegated to our
 * validation zone is written and read there; any other name is looked up at `resolver`,
 * else DNS_RESOLVER, else the system's servers. A lookup that cannot answer throws
 * DnsLookupError: "could not check", not "absent".
 */
export async function checkValidationRecord(
  input: CheckValidationRecordInput,
  client: DbTransaction | typeof db = db,
): Promise<ValidationRecordCheck> {
  const name = normalizeDomainName(input.name);
  const expected = input.value.trim();
  const zone = await findHostedZoneForName({ name, ownerId: input.ownerId }, client);
  if (zone) return { ...(await readHostedRecord(zone, name, expected, client)), source: "hosted-zone" };
  if (input.ownerId) {
    const delegated = await checkDelegatedValidationRecord({
      ownerId: input.ownerId,
      name,
      value: expected,
      server: input.resolver,
      timeoutMs: input.timeoutMs,
    });
    if (delegated)
      return { ...(await readHostedRecord(delegated.zone, delegated.target, expected, client)), source: "delegation" };
  }
  const values = await lookupTxt(name, {
    resolver: input.resolver ?? getConfig().dnsResolver,
    timeoutMs: input.timeoutMs,
  });
  return { found: values.some((value) => value.trim() === expected), source: "dns", values };
}

/**
 * The TXT values at `name` in one of our zones, as our DNS server holds them. The demo's
 * server is the rows; a real one is first sent the record if it is still queued, so a
 * check right after a renewal or an order does not wait for the next job run.
 */
async function readHostedRecord(
  zone: HostedZoneMatch,
  name: string,
  expected: string,
  client: DbTransaction | typeof db,
): Promise<Omit<ValidationRecordCheck, "source">> {
  const provider = getDnsProvider();
  if (provider.kind === "demo") {
    const records = await client.dnsRecord.findMany({
      where: { zoneId: zone.id, name, type: VALIDATION_RECORD_TYPE, state: { not: "REMOVING" } },
      select: { value: true },
      orderBy: [{ createdAt: "asc" }, { value: "asc" }],
    });
    const values = records.map((record) => record.value);
    return { found: values.includes(expected), values };
  }
  const queued = await client.dnsRecord.findMany({
    where: { zoneId: zone.id, name, type: VALIDATION_RECORD_TYPE, value: expected, state: "PENDING" },
    select: { id: true, lastError: true },
  });
  if (queued.length > 0) {
    const synced = await syncDnsRecords({ realNow: systemNow(), recordIds: queued.map((row) => row.id), provider });
    // The server refused or missed the write (wrong key, down): "could not check", never
    // "absent", and the operator's error, which the caller reports. A row waiting for its
    // retry (not claimed now) still carries the last refusal.
    const [failed] = synced.failures;
    if (failed) throw new DnsLookupError("PROVIDER_FAILED", name, { detail: `${failed.code}: ${failed.message}` });
    const waiting = synced.claimed < queued.length ? queued.find((row) => row.lastError) : undefined;
    if (waiting?.lastError) throw new DnsLookupError("PROVIDER_FAILED", name, { detail: waiting.lastError });
  }
  try {
    const values = await provider.listTxt(name);
    return { found: values.includes(expected), values };
  } catch (error) {
    if (!isDnsProviderError(error)) throw error;
    throw new DnsLookupError("PROVIDER_FAILED", name, { cause: error, detail: error.message });
  }
}
