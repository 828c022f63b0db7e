import "server-only";
import { cache } from "react";
import type { DbTransaction } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";

export type PriceRow = {
  /** The catalogue row (an OV/EV renewal is ordered as this product). */
  id: string;
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  priceMinor: number;
  currency: string;
  autoRenewSupported: boolean;
  /** Who issues this product's certificates and renewals: an ACME issuer, or null for the built-in CA. */
  issuerId: string | null;
};

/**
 * The 1-year renewal price list (a few dozen rows): read whole and looked up in memory.
 * Free products are not in it: a free certificate is never renewed for a fee. Read once
 * per server render and client (a console page's balance warning and Billing's forecast
 * both need it); a transaction, or a call outside a render, reads it each time.
 */
export const listPrices = cache(async (client: DbTransaction | typeof db = db): Promise<PriceRow[]> => {
  return client.price.findMany({
    where: { validityYears: 1, free: false },
    select: {
      id: true,
      brand: true,
      certificateType: true,
      domainType: true,
      priceMinor: true,
      currency: true,
      autoRenewSupported: true,
      issuerId: true,
    },
    orderBy: [{ brand: "asc" }, { certificateType: "asc" }, { domainType: "asc" }],
  });
});

export function findPrice(
  prices: readonly PriceRow[],
  key: { brand: string; certificateType: CertificateType; domainType: DomainType },
): PriceRow | undefined {
  return prices.find(
    (row) =>
      row.brand === key.brand && row.certificateType === key.certificateType && row.domainType === key.domainType,
  );
}
