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
  updatedAt: string;
};

/** The 1-year renewal price list with the auto-renewal flag, brand by brand. */
export async function listAdminPrices(actor: Actor, _now: Date): Promise<AdminPriceRow[]> {
  assertAdmin(actor);
  const rows = await db.price.findMany({
    where: { validityYears: 1 },
    orderBy: [{ autoRenewSupported: "desc" }, { brand: "asc" }, { certificateType: "asc" }, { domainType: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    brand: row.brand,
    certificateType: row.certificateType,
    domainType: row.domainType,
    priceMinor: row.priceMinor,
    currency: row.currency,
    autoRenewSupported: row.autoRenewSupported,
    updatedAt: row.updatedAt.toISOString(),
  }));
}
