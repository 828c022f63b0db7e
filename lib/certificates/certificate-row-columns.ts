import type { CertificateListParams } from "@/lib/certificates/certificate-list-query";
import type { CertificateRow } from "@/lib/certificates/list-certificates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import { daysRemaining, displayStatus } from "@/lib/renewal/auto-renew-rules";

// What a certificate list row (the customer's and the admin's) reads from the certificate
// itself, and how it shows it; each list adds its own facts (resources, renewal, owner).

export const CERTIFICATE_ROW_SELECT = {
  id: true,
  alias: true,
  domain: true,
  sans: true,
  brand: true,
  certificateType: true,
  domainType: true,
  source: true,
  status: true,
  expiresAt: true,
  autoRenewState: true,
  autoRenewEndReason: true,
  tags: true,
} as const satisfies Prisma.CertificateSelect;

/**
 * A reissue in flight: the row shows "Reissuing" (the original's status 11) while it stays
 * issued. A relation Prisma reads with a statement of its own: the customer's list reads
 * it with its other row facts instead (list-certificates.ts).
 */
export const PENDING_REISSUE_SELECT = {
  reissuedBy: { where: { status: { in: [...PENDING_STATUSES] } }, select: { id: true }, take: 1 },
} as const satisfies Prisma.CertificateSelect;

type RowColumns = Prisma.CertificateGetPayload<{ select: typeof CERTIFICATE_ROW_SELECT }>;

export type CertificateRowBase = Omit<
  CertificateRow,
  "renewalPaid" | "renewalId" | "resourceCount" | "resourceUpdateFromId"
>;

/** The row's own columns; `reissuingId`: its reissue waiting for validation, if any. */
export function certificateRowColumns(row: RowColumns, now: Date, reissuingId: string | null): CertificateRowBase {
  return {
    id: row.id,
    alias: row.alias,
    domain: row.domain,
    sansCount: row.sans.length,
    brand: row.brand,
    certificateType: row.certificateType,
    domainType: row.domainType,
    source: row.source,
    status: displayStatus(row.status, row.expiresAt, now),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    daysRemaining: row.expiresAt ? daysRemaining(row.expiresAt, now) : null,
    autoRenewState: row.autoRenewState,
    autoRenewEndReason: row.autoRenewEndReason,
    tags: row.tags,
    reissuingId,
  };
}

/** The lists' sort orders; the id breaks ties so pages never overlap. */
export function certificateListOrder(
  sort: CertificateListParams["sort"],
): Prisma.CertificateOrderByWithRelationInput[] {
  switch (sort) {
    case "expiresAt.desc":
      return [{ expiresAt: { sort: "desc", nulls: "last" } }, { id: "asc" }];
    case "createdAt.desc":
      return [{ createdAt: "desc" }, { id: "asc" }];
    default:
      return [{ expiresAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];
  }
}
