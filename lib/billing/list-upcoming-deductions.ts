import "server-only";
import { findPrice, listPrices } from "@/lib/billing/list-prices";
import type { UpcomingDeduction } from "@/lib/billing/project-deductions";
import { db } from "@/lib/db/client";
import { DEDUCT_DAYS_BEFORE_EXPIRY, deductionTime } from "@/lib/renewal/auto-renew-rules";
import { hasNoPaidRenewal } from "@/lib/renewal/renewal-under-way";
import { addDays } from "@/lib/time";

/**
 * Renewal fees the job will try to deduct from this owner's balance, at today's
 * prices, for deductions due by `until` (overdue ones included: the next run takes them).
 */
export async function listUpcomingDeductions(ownerId: string, now: Date, until: Date): Promise<UpcomingDeduction[]> {
  const [certificates, prices] = await Promise.all([
    db.certificate.findMany({
      where: {
        ownerId,
        autoRenewState: "ON",
        status: "ISSUED",
        expiresAt: { gt: now, lte: addDays(until, DEDUCT_DAYS_BEFORE_EXPIRY) },
        ...hasNoPaidRenewal,
      },
      select: { id: true, domain: true, brand: true, certificateType: true, domainType: true, expiresAt: true },
      orderBy: { expiresAt: "asc" },
    }),
    listPrices(),
  ]);
  const deductions: UpcomingDeduction[] = [];
  for (const certificate of certificates) {
    const price = findPrice(prices, certificate);
    if (!price?.autoRenewSupported || !certificate.expiresAt) continue;
    deductions.push({
      certificateId: certificate.id,
      domain: certificate.domain,
      deductAt: deductionTime(certificate.expiresAt),
      feeMinor: price.priceMinor,
      currency: price.currency,
    });
  }
  return deductions;
}
