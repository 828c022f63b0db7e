import "server-only";
import type { CertificateListParams } from "@/lib/certificates/certificate-list-query";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  AutoRenewEndReason,
  AutoRenewState,
  CertificateSource,
  CertificateType,
  DomainType,
} from "@/lib/generated/prisma/enums";
import { type DisplayStatus, daysRemaining, displayStatus, EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
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

function orderBy(sort: CertificateListParams["sort"]): Prisma.CertificateOrderByWithRelationInput[] {
  switch (sort) {
    case "expiresAt.desc":
      return [{ expiresAt: { sort: "desc", nulls: "last" } }, { id: "asc" }];
    case "createdAt.desc":
      return [{ createdAt: "desc" }, { id: "asc" }];
    default:
      return [{ expiresAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];
  }
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
      orderBy: orderBy(params.sort),
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
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
        _count: { select: { resources: true } },
        renews: { select: { id: true, _count: { select: { resources: { where: { ownerId } } } } } },
        renewalOrders: {
          where: { status: { in: [...PAID_RENEWAL_STATUSES] } },
          select: { newCertificateId: true },
          take: 1,
        },
      },
    }),
    db.certificate.groupBy({ by: ["brand"], where: { ownerId }, orderBy: { brand: "asc" } }),
  ]);
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    brands: brands.map((row) => row.brand),
    items: rows.map((row) => ({
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
      renewalPaid: row.renewalOrders.length > 0,
      renewalId: row.renewalOrders[0]?.newCertificateId ?? null,
      resourceCount: row._count.resources,
      resourceUpdateFromId:
        row.status === "ISSUED" && row.expiresAt && row.expiresAt > now && (row.renews?._count.resources ?? 0) > 0
          ? (row.renews?.id ?? null)
          : null,
      tags: row.tags,
    })),
  };
}
