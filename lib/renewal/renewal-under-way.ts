import type { Prisma } from "@/lib/generated/prisma/client";

/** Orders in these states mean the fee was deducted and the renewal is pending or done. */
export const PAID_RENEWAL_STATUSES = ["PENDING_VALIDATION", "ISSUED"] as const;

/**
 * An order renewing a certificate (OV/EV, through the order form) in these states holds it:
 * paid and under way, or issued. One at most per certificate (a partial unique index).
 */
export const RENEWING_ORDER_STATUSES = ["PAID", "ISSUED"] as const;

/** Prisma filter: certificates with a paid renewal pending or issued. */
export const hasPaidRenewal: Prisma.CertificateWhereInput = {
  renewalOrders: { some: { status: { in: [...PAID_RENEWAL_STATUSES] } } },
};

export const hasNoPaidRenewal: Prisma.CertificateWhereInput = {
  renewalOrders: { none: { status: { in: [...PAID_RENEWAL_STATUSES] } } },
};
