import "server-only";
import { type DbTransaction, db } from "@/lib/db/client";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import { VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";
import type { ValidationZone } from "@/lib/dns-hosting/ensure-validation-zone";
import { ACME_CHALLENGE_LABEL, delegationTarget } from "@/lib/dns-hosting/validation-delegation-names";

/** As the built-in path's delegated records: short, so a new order's value behind the same CNAME is seen soon. */
const DELEGATED_RECORD_TTL = 60;

/**
 * An ACME order's `_acme-challenge.<domain>` record for a domain the owner delegated (its
 * CNAME into the validation zone seen by the delegation check): queued at the CNAME's
 * target in our validation zone, linked to the certificate so it goes once that is issued
 * or has ended, in the caller's transaction. The CA follows the CNAME, and so does our
 * pre-check (lookupTxtAtAuthoritative). Null when the domain is not delegated (or no
 * validation zone is configured): the customer adds the record by hand.
 */
export async function addDelegatedValidationRecord(
  input: {
    ownerId: string;
    name: string;
    value: string;
    certificateId: string;
    validationZone: ValidationZone | null;
    now: Date;
  },
  client: DbTransaction | typeof db = db,
): Promise<{ target: string } | null> {
  const name = normalizeDomainName(input.name);
  const prefix = `${ACME_CHALLENGE_LABEL}.`;
  if (!input.validationZone || !name.startsWith(prefix)) return null;
  const delegation = await client.validationDelegation.findFirst({
    where: { ownerId: input.ownerId, domain: name.slice(prefix.length), verifiedAt: { not: null } },
    select: { label: true },
  });
  if (!delegation) return null;
  const target = delegationTarget(delegation.label, input.validationZone.name);
  await client.dnsRecord.createMany({
    data: [
      {
        zoneId: input.validationZone.id,
        name: target,
        type: VALIDATION_RECORD_TYPE,
        value: input.value.trim(),
        ttl: DELEGATED_RECORD_TTL,
        certificateId: input.certificateId,
        state: "PENDING",
        createdAt: input.now,
      },
    ],
    skipDuplicates: true,
  });
  return { target };
}
