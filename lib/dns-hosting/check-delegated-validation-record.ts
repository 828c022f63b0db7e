// The built-in CA's validation through a CNAME delegation. A customer whose DNS is
// elsewhere set, once, `_acme-challenge.<domain>` CNAME `<label>.<validation zone>`:
// control of that name proves control of the domain as a `_dnsauth` TXT would (it is
// the name RFC 8555 CAs validate through), so CertDesk writes the certificate's token at
// the CNAME's target, in its own zone, and reads it back there.
import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { HostedZoneMatch } from "@/lib/dns/find-hosted-zone-for-name";
import { VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";
import { ensureValidationZone } from "@/lib/dns-hosting/ensure-validation-zone";
import { followValidationDelegation } from "@/lib/dns-hosting/follow-validation-delegation";
import { delegationTarget, domainOfValidationRecord } from "@/lib/dns-hosting/validation-delegation-names";
import type { CertificateStatus } from "@/lib/generated/prisma/enums";

const WAITING_STATUSES: CertificateStatus[] = ["PENDING_VALIDATION", "DNS_RECORD_ADDED"];
/** Short, like every validation record: a new token behind the same CNAME is seen soon. */
const DELEGATED_RECORD_TTL = 60;

export type DelegatedRecord = { zone: HostedZoneMatch; target: string };

/**
 * When `name` is the `_dnsauth` record of a domain the owner has delegated, and the
 * CNAME still points at the owner's label: queues `value` at the target (linked to the
 * certificate waiting with that token, so it goes once that is validated) and says where
 * to read it. Null otherwise, and the caller looks the name up in DNS as usual (a
 * delegation that no longer points at us is marked so on the way).
 */
export async function checkDelegatedValidationRecord(input: {
  ownerId: string;
  name: string;
  value: string;
  server?: string;
  timeoutMs?: number;
}): Promise<DelegatedRecord | null> {
  const domain = domainOfValidationRecord(input.name);
  const zoneName = getConfig().dns.validationDelegationZone;
  if (!domain || !zoneName) return null;
  const delegation = await db.validationDelegation.findFirst({
    where: { ownerId: input.ownerId, domain, verifiedAt: { not: null } },
    select: { id: true, label: true },
  });
  if (!delegation) return null;
  const target = delegationTarget(delegation.label, zoneName);
  const followed = await followValidationDelegation(domain, zoneName, {
    server: input.server,
    timeoutMs: input.timeoutMs,
  });
  if (followed.target !== target) {
    await db.validationDelegation.updateMany({
      where: { id: delegation.id },
      data: { verifiedAt: null, seenTarget: followed.firstTarget },
    });
    return null;
  }
  const zone = await ensureValidationZone();
  if (!zone) return null;
  // Tokens are 128-bit random: the owner's one certificate waiting with this token.
  const certificate = await db.certificate.findFirst({
    where: { ownerId: input.ownerId, validationRecordValue: input.value, status: { in: WAITING_STATUSES } },
    select: { id: true },
  });
  await db.dnsRecord.createMany({
    data: [
      {
        zoneId: zone.id,
        name: target,
        type: VALIDATION_RECORD_TYPE,
        value: input.value,
        ttl: DELEGATED_RECORD_TTL,
        certificateId: certificate?.id ?? null,
        state: "PENDING",
      },
    ],
    skipDuplicates: true,
  });
  return { zone: { id: zone.id, name: zone.name, ownerId: null }, target };
}
