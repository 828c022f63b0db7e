// What the DNS hosting page shows, as plain JSON (times as ISO strings, UTC).
import { delegationRecordName, delegationTarget } from "@/lib/dns-hosting/validation-delegation-names";
import type { DelegationStatus } from "@/lib/generated/prisma/enums";

export type HostedZoneView = {
  id: string;
  name: string;
  createdAt: string;
  delegationStatus: DelegationStatus;
  /** The name servers the parent zone named at the last check that got an answer. */
  seenNameservers: string[];
  delegationCheckedAt: string | null;
  delegatedAt: string | null;
  /** Why the last check got no answer (a DNS lookup error code), or null. */
  delegationCheckFailure: string | null;
  /** Removal asked, waiting for the DNS server to delete the zone. */
  removing: boolean;
};

export type ValidationDelegationView = {
  id: string;
  domain: string;
  /** The CNAME to add: its name and its target. */
  recordName: string;
  target: string;
  createdAt: string;
  checkedAt: string | null;
  /** Since when the CNAME has been seen pointing at the target; null: not (yet, or any more). */
  verifiedAt: string | null;
  /** Where the customer's `_acme-challenge` name pointed at the last check; null: no CNAME there. */
  seenTarget: string | null;
  checkFailure: string | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toHostedZoneView(zone: {
  id: string;
  name: string;
  createdAt: Date;
  delegationStatus: DelegationStatus;
  seenNameservers: string[];
  delegationCheckedAt: Date | null;
  delegatedAt: Date | null;
  delegationCheckFailure: string | null;
  removingAt: Date | null;
}): HostedZoneView {
  return {
    id: zone.id,
    name: zone.name,
    createdAt: zone.createdAt.toISOString(),
    delegationStatus: zone.delegationStatus,
    seenNameservers: zone.seenNameservers,
    delegationCheckedAt: iso(zone.delegationCheckedAt),
    delegatedAt: iso(zone.delegatedAt),
    delegationCheckFailure: zone.delegationCheckFailure,
    removing: zone.removingAt !== null,
  };
}

/** The columns toHostedZoneView reads, for the callers' selects. */
export const HOSTED_ZONE_VIEW_SELECT = {
  id: true,
  name: true,
  createdAt: true,
  delegationStatus: true,
  seenNameservers: true,
  delegationCheckedAt: true,
  delegatedAt: true,
  delegationCheckFailure: true,
  removingAt: true,
} as const;

export const VALIDATION_DELEGATION_VIEW_SELECT = {
  id: true,
  domain: true,
  label: true,
  createdAt: true,
  checkedAt: true,
  verifiedAt: true,
  seenTarget: true,
  checkFailure: true,
} as const;

export function toValidationDelegationView(
  row: {
    id: string;
    domain: string;
    label: string;
    createdAt: Date;
    checkedAt: Date | null;
    verifiedAt: Date | null;
    seenTarget: string | null;
    checkFailure: string | null;
  },
  validationZone: string,
): ValidationDelegationView {
  return {
    id: row.id,
    domain: row.domain,
    recordName: delegationRecordName(row.domain),
    target: delegationTarget(row.label, validationZone),
    createdAt: row.createdAt.toISOString(),
    checkedAt: iso(row.checkedAt),
    verifiedAt: iso(row.verifiedAt),
    seenTarget: row.seenTarget,
    checkFailure: row.checkFailure,
  };
}
