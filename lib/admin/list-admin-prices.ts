import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { db } from "@/lib/db/client";
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";

export type AdminPriceRow = {
  id: string;
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  priceMinor: number;
  currency: string;
  autoRenewSupported: boolean;
  /** On sale in the order flow. */
  purchasable: boolean;
  free: boolean;
  maxDomains: number;
  updatedAt: string;
};

/** The 1-year catalogue with the auto-renewal flag, brand by brand, free products last. */
export async function listAdminPrices(actor: Actor, _now: Date): Promise<AdminPriceRow[]> {
  assertAdmin(actor);
  const rows = await db.price.findMany({
    where: { validityYears: 1 },
    orderBy: [
      { free: "asc" },
      { autoRenewSupported: "desc" },
      { brand: "asc" },
      { certificateType: "asc" },
      { domainType: "asc" },
    ],
  });
  return rows.map((row) => ({
    id: row.id,
    brand: row.brand,
    certificateType: row.certificateType,
    domainType: row.domainType,
    priceMinor: row.priceMinor,
    currency: row.currency,
    autoRenewSupported: row.autoRenewSupported,
    purchasable: row.purchasable,
    free: row.free,
    maxDomains: row.maxDomains,
    updatedAt: row.updatedAt.toISOString(),
  }));
}
