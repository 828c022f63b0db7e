import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { DnsProviderKind } from "@/lib/dns/providers/dns-provider";
import {
  HOSTED_ZONE_VIEW_SELECT,
  type HostedZoneView,
  toHostedZoneView,
  toValidationDelegationView,
  VALIDATION_DELEGATION_VIEW_SELECT,
  type ValidationDelegationView,
} from "@/lib/dns-hosting/dns-hosting-views";

export type DnsHostingOverview = {
  /** What the customer sets at the registrar for every hosted zone (HOSTED_ZONE_NAMESERVERS). */
  nameservers: string[];
  provider: DnsProviderKind;
  /** False where the DNS server does not let CertDesk create zones (RFC 2136). */
  canAddZones: boolean;
  /** Null: automatic validation of third-party domains is not set up on this installation. */
  validationZone: string | null;
  zones: HostedZoneView[];
  delegations: ValidationDelegationView[];
};

/** The owner's DNS hosting page: their zones and their domains set up for automatic validation. */
export async function getDnsHostingOverview(ownerId: string): Promise<DnsHostingOverview> {
  const { dns } = getConfig();
  const [zones, delegations] = await Promise.all([
    db.hostedZone.findMany({ where: { ownerId }, select: HOSTED_ZONE_VIEW_SELECT, orderBy: { name: "asc" } }),
    db.validationDelegation.findMany({
      where: { ownerId },
      select: VALIDATION_DELEGATION_VIEW_SELECT,
      orderBy: { domain: "asc" },
    }),
  ]);
  const zone = dns.validationDelegationZone;
  return {
    nameservers: dns.hostedZoneNameservers,
    provider: dns.provider,
    canAddZones: dns.provider !== "rfc2136",
    validationZone: zone,
    zones: zones.map(toHostedZoneView),
    delegations: zone ? delegations.map((row) => toValidationDelegationView(row, zone)) : [],
  };
}
