// The zero-configuration DNS of `npm run dev` and the demo: hosted zones and their
// records are rows in PostgreSQL (HostedZone, DnsRecord), which checkValidationRecord
// answers from directly. The records CertDesk queues (lib/dns/sync-dns-records.ts) are
// these same rows, so under this provider they are in place as soon as they are written.
import "server-only";
import { type DbTransaction, db } from "@/lib/db/client";
import { findHostedZoneForName } from "@/lib/dns/find-hosted-zone-for-name";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import { DEFAULT_TXT_TTL, type DnsProvider, DnsProviderError } from "@/lib/dns/providers/dns-provider";
import { VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";

/** `now` stamps the rows (the demo clock is right here: these rows are the demo's own DNS). */
export function createDemoDnsProvider(now: () => Promise<Date>, client: DbTransaction | typeof db = db): DnsProvider {
  return {
    kind: "demo",
    describe: () => "demo DNS (hosted zones stored in the database)",

    async createZone(input) {
      const name = normalizeDomainName(input.name);
      const { count } = await client.hostedZone.createMany({
        data: [{ name, ownerId: input.ownerId, createdAt: await now() }],
        skipDuplicates: true,
      });
      return { created: count === 1 };
    },

    async zoneExists(name) {
      return (await client.hostedZone.count({ where: { name: normalizeDomainName(name) } })) > 0;
    },

    async deleteZone(name) {
      const { count } = await client.hostedZone.deleteMany({ where: { name: normalizeDomainName(name) } });
      return { deleted: count > 0 };
    },

    async addTxt(fqdn, value, ttl = DEFAULT_TXT_TTL) {
      const name = normalizeDomainName(fqdn);
      // The operator's DNS writes into any zone; which customer may ask for it is the caller's check.
      const zone = await findHostedZoneForName({ name }, client);
      if (!zone) throw new DnsProviderError("ZONE_NOT_FOUND", "demo", `no hosted zone contains ${name}`);
      await client.dnsRecord.createMany({
        data: [
          {
            zoneId: zone.id,
            name,
            type: VALIDATION_RECORD_TYPE,
            value: value.trim(),
            ttl,
            state: "PUBLISHED",
            createdAt: await now(),
          },
        ],
        skipDuplicates: true,
      });
    },

    async removeTxt(fqdn, value) {
      const name = normalizeDomainName(fqdn);
      const zone = await findHostedZoneForName({ name }, client);
      if (!zone) return;
      await client.dnsRecord.deleteMany({
        where: { zoneId: zone.id, name, type: VALIDATION_RECORD_TYPE, value: value.trim() },
      });
    },

    async listTxt(fqdn) {
      const name = normalizeDomainName(fqdn);
      const zone = await findHostedZoneForName({ name }, client);
      if (!zone) return [];
      const records = await client.dnsRecord.findMany({
        where: { zoneId: zone.id, name, type: VALIDATION_RECORD_TYPE, state: { not: "REMOVING" } },
        select: { value: true },
        orderBy: [{ createdAt: "asc" }, { value: "asc" }],
      });
      return records.map((record) => record.value);
    },
  };
}
