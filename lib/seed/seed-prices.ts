import "server-only";
import { db } from "@/lib/db/client";
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";

type PriceSeed = [brand: string, type: CertificateType, domainType: DomainType, priceMinor: number, autoRenew: boolean];

// 1-year prices in USD cents (multi-domain: per name). Auto-renewal is offered exactly for
// the combinations of docs/domain.md; the rest can only be renewed by hand.
export const DEFAULT_PRICES: readonly PriceSeed[] = [
  ["DNSPod", "DV", "SINGLE", 2_900, true],
  ["DNSPod", "DV", "WILDCARD", 9_900, true],
  ["DNSPod", "DV", "MULTI", 5_900, false],
  ["TrustAsia", "DV", "SINGLE", 3_900, false],
  ["TrustAsia", "DV", "WILDCARD", 12_900, true],
  ["TrustAsia", "DV", "MULTI", 7_900, false],
  ["WoTrus", "DV", "SINGLE", 3_500, false],
  ["WoTrus", "DV", "WILDCARD", 11_900, true],
  ["GeoTrust", "DV", "SINGLE", 5_900, false],
  ["GeoTrust", "OV", "SINGLE", 19_900, false],
  ["GeoTrust", "OV", "WILDCARD", 49_900, false],
  ["GeoTrust", "EV", "SINGLE", 39_900, false],
  ["DigiCert", "OV", "SINGLE", 29_900, false],
  ["DigiCert", "OV", "WILDCARD", 79_900, false],
  ["DigiCert", "EV", "SINGLE", 59_900, false],
  ["GlobalSign", "OV", "SINGLE", 24_900, false],
  ["GlobalSign", "EV", "SINGLE", 49_900, false],
  ["Sectigo", "DV", "SINGLE", 1_900, false],
  ["Sectigo", "DV", "MULTI", 6_900, false],
  ["Sectigo", "DV", "WILDCARD", 8_900, false],
];

/** Names one multi-domain certificate may have, as seeded. */
export const SEEDED_MAX_DOMAINS = 100;

/** The free product of the demo catalogue, as the original offers one: TrustAsia DV, one name, one year. */
export const FREE_PRODUCT = {
  brand: "TrustAsia",
  certificateType: "DV",
  domainType: "SINGLE",
  validityYears: 1,
  priceMinor: 0,
  currency: "USD",
  autoRenewSupported: false,
  free: true,
} as const;

/** Creates missing price rows; never changes a price an operator has set. */
export async function seedPrices(): Promise<number> {
  const result = await db.price.createMany({
    data: [
      ...DEFAULT_PRICES.map(([brand, certificateType, domainType, priceMinor, autoRenewSupported]) => ({
        brand,
        certificateType,
        domainType,
        validityYears: 1,
        priceMinor,
        currency: "USD",
        autoRenewSupported,
        maxDomains: domainType === "MULTI" ? SEEDED_MAX_DOMAINS : 1,
      })),
      FREE_PRODUCT,
    ],
    skipDuplicates: true,
  });
  return result.count;
}
