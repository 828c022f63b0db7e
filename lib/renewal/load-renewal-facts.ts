import "server-only";
import { listPrices, type PriceRow } from "@/lib/billing/list-prices";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import type { DbTransaction, db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import type { AutoRenewEndReason } from "@/lib/generated/prisma/enums";
import type { EligibilityFacts } from "@/lib/renewal/auto-renew-rules";
import { PAID_RENEWAL_STATUSES, RENEWING_ORDER_STATUSES } from "@/lib/renewal/renewal-under-way";

export type RenewalFacts = EligibilityFacts & {
  id: string;
  ownerId: string;
  domain: string;
  sans: string[];
  alias: string | null;
  autoRenewChangedAt: Date | null;
  autoRenewEndReason: AutoRenewEndReason | null;
  /** An order renewing this certificate (OV/EV, through the order form) is paid, not yet issued. */
  renewalOrderOpen: boolean;
};

/**
 * What the auto-renewal rules need about one of the owner's certificates, plus the
 * price list. Null when the certificate does not exist or belongs to someone else:
 * callers answer "not found" either way.
 */
export async function loadRenewalFacts(
  client: DbTransaction | typeof db,
  ownerId: string,
  certificateId: string,
): Promise<{ facts: RenewalFacts; prices: PriceRow[] } | null> {
  const [certificate, prices] = await Promise.all([
    client.certificate.findFirst({
      where: { id: certificateId, ...ownedCertificateWhere(ownerId) },
      select: {
        id: true,
        ownerId: true,
        domain: true,
        sans: true,
        alias: true,
        source: true,
        brand: true,
        certificateType: true,
        domainType: true,
        validityYears: true,
        status: true,
        expiresAt: true,
        autoRenewState: true,
        autoRenewChangedAt: true,
        autoRenewEndReason: true,
        renewalOrders: { where: { status: { in: [...PAID_RENEWAL_STATUSES] } }, select: { id: true }, take: 1 },
        renewingOrders: {
          where: { ownerId, status: { in: [...RENEWING_ORDER_STATUSES] } },
          select: { status: true },
          take: 1,
        },
      },
    }),
    listPrices(client),
  ]);
  if (!certificate) return null;
  const { renewalOrders, renewingOrders, ...rest } = certificate;
  const renewingOrder = renewingOrders[0];
  return {
    facts: {
      ...rest,
      renewalUnderWay: renewalOrders.length > 0 || renewingOrder?.status === "ISSUED",
      renewalOrderOpen: renewingOrder?.status === "PAID",
    },
    prices,
  };
}

/** Locks the owner's certificate row until the transaction ends (serialises enable/disable/job). */
export async function lockOwnedCertificate(
  tx: DbTransaction,
  ownerId: string,
  certificateId: string,
): Promise<boolean> {
  const rows = await queryRows(
    tx,
    sqlBuilder
      .selectFrom("Certificate")
      .select("id")
      .where("id", "=", certificateId)
      .where("ownerId", "=", ownerId)
      .where("deletedAt", "is", null)
      .forUpdate(),
  );
  return rows.length > 0;
}
