import "server-only";
import type { CertificateListParams } from "@/lib/certificates/certificate-list-query";
import {
  CERTIFICATE_ROW_SELECT,
  certificateListOrder,
  certificateRowColumns,
} from "@/lib/certificates/certificate-row-columns";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  AutoRenewEndReason,
  AutoRenewState,
  CertificateSource,
  CertificateType,
  DomainType,
} from "@/lib/generated/prisma/enums";
import { type DisplayStatus, EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";
import { addDays } from "@/lib/time";

export type CertificateRow = {
  id: string;
  alias: string | null;
  domain: string;
  sansCount: number;
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  source: CertificateSource;
  status: DisplayStatus;
  expiresAt: string | null;
  daysRemaining: number | null;
  autoRenewState: AutoRenewState;
  autoRenewEndReason: AutoRenewEndReason | null;
  renewalPaid: boolean;
  /** The renewal paid for this certificate (pending validation or issued), if any. */
  renewalId: string | null;
  resourceCount: number;
  /**
   * An issued, unexpired renewal whose predecessor still has cloud resources bound: the
   * predecessor's id (the row prompts "Update to cloud resources"), else null. Set by the
   * customer's list only (the admin list reuses this row type without it).
   */
  resourceUpdateFromId?: string | null;
  tags: string[];
};

export type CertificatePage = {
  items: CertificateRow[];
  total: number;
  page: number;
  pageSize: number;
  brands: string[];
};

function filterWhere(ownerId: string, params: CertificateListParams, now: Date): Prisma.CertificateWhereInput {
  const and: Prisma.CertificateWhereInput[] = [];
  switch (params.status) {
    case "ISSUED":
      and.push({ status: "ISSUED", expiresAt: { gt: now } });
      break;
    case "EXPIRED":
      and.push({ status: "ISSUED", expiresAt: { lte: now } });
      break;
    case "PENDING":
      and.push({ status: { in: ["PENDING_VALIDATION", "DNS_RECORD_ADDED"] } });
      break;
    case "FAILED":
      and.push({ status: "VALIDATION_FAILED" });
      break;
    case "CANCELED":
    case "REVOKED":
      and.push({ status: params.status });
      break;
  }
  if (params.brand) and.push({ brand: params.brand });
  if (params.autoRenew) and.push({ autoRenewState: params.autoRenew });
  if (params.expiring) and.push({ status: "ISSUED", expiresAt: { gt: now, lte: addDays(now, EXPIRING_SOON_DAYS) } });
  if (params.q) {
    const q = params.q;
    and.push({
      OR: [
        { id: q },
        { domain: { contains: q, mode: "insensitive" } },
        { alias: { contains: q, mode: "insensitive" } },
        { sans: { has: q.toLowerCase() } },
      ],
    });
  }
  // The owner is always part of the filter: no parameter can widen it.
  return { ownerId, AND: and };
}

type RowFacts = {
  id: string;
  resourceCount: number;
  renewalId: string | null;
  predecessorResourceCount: number;
};

/**
 * What a row shows besides its own columns, for one page of rows in one statement, each
 * looked up through an index and scoped by the owner (a relation count in the page query
 * aggregated every certificate's resources, of every owner, on each request).
 */
async function loadRowFacts(ownerId: string, ids: string[]): Promise<Map<string, RowFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<RowFacts[]>`
    SELECT c.id,
           (SELECT count(*)::int FROM "CloudResource" r
             WHERE r."certificateId" = c.id AND r."ownerId" = ${ownerId}) AS "resourceCount",
           (SELECT o."newCertificateId" FROM "RenewalOrder" o
             WHERE o."certificateId" = c.id AND o.status::text = ANY(${[...PAID_RENEWAL_STATUSES]}::text[])
             ORDER BY o.attempt DESC LIMIT 1) AS "renewalId",
           (SELECT count(*)::int FROM "CloudResource" r
             WHERE r."certificateId" = c."renewsId" AND r."ownerId" = ${ownerId}) AS "predecessorResourceCount"
      FROM "Certificate" c
     WHERE c."ownerId" = ${ownerId} AND c.id = ANY(${ids}::text[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The brands among the owner's certificates, for the brand filter: a few index probes
 * on (ownerId, brand), one per brand, however many certificates the owner has.
 */
async function listOwnerBrands(ownerId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ brand: string }[]>`
    WITH RECURSIVE brands AS (
      (SELECT brand FROM "Certificate" WHERE "ownerId" = ${ownerId} ORDER BY brand LIMIT 1)
      UNION ALL
      SELECT (SELECT c.brand FROM "Certificate" c
               WHERE c."ownerId" = ${ownerId} AND c.brand > b.brand ORDER BY c.brand LIMIT 1)
        FROM brands b WHERE b.brand IS NOT NULL
    )
    SELECT brand FROM brands WHERE brand IS NOT NULL`;
  return rows.map((row) => row.brand);
}

/** One page of the owner's certificates, filtered and sorted on the server. */
export async function listCertificates(
  ownerId: string,
  params: CertificateListParams,
  now: Date,
): Promise<CertificatePage> {
  const where = filterWhere(ownerId, params, now);
  const [total, rows, brands] = await Promise.all([
    db.certificate.count({ where }),
    db.certificate.findMany({
      where,
      orderBy: certificateListOrder(params.sort),
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
        ...CERTIFICATE_ROW_SELECT,
        renewsId: true,
      },
    }),
    listOwnerBrands(ownerId),
  ]);
  const facts = await loadRowFacts(
    ownerId,
    rows.map((row) => row.id),
  );
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    brands,
    items: rows.map((row) => {
      const fact = facts.get(row.id);
      const current = row.status === "ISSUED" && row.expiresAt !== null && row.expiresAt > now;
      return {
        ...certificateRowColumns(row, now),
        renewalPaid: Boolean(fact?.renewalId),
        renewalId: fact?.renewalId ?? null,
        resourceCount: fact?.resourceCount ?? 0,
        resourceUpdateFromId: current && (fact?.predecessorResourceCount ?? 0) > 0 ? row.renewsId : null,
      };
    }),
  };
}
