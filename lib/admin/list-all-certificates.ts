import "server-only";
import type { AdminCertificateListParams } from "@/lib/admin/admin-certificate-list-query";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import {
  CERTIFICATE_ROW_SELECT,
  certificateListOrder,
  certificateRowColumns,
  PENDING_REISSUE_SELECT,
} from "@/lib/certificates/certificate-row-columns";
import type { CertificateRow } from "@/lib/certificates/list-certificates";
import { db } from "@/lib/db/client";
import { literalLikeText } from "@/lib/db/literal-pattern";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";
import { countResourcesByCertificate } from "@/lib/resources/count-resources-by-certificate";
import { addDays } from "@/lib/time";

export type AdminCertificateRow = CertificateRow & { owner: { id: string; email: string; name: string } };

export type AdminCertificatePage = {
  items: AdminCertificateRow[];
  total: number;
  page: number;
  pageSize: number;
  brands: string[];
};

// The same filters as My Certificates (lib/certificates/list-certificates.ts), over
// every owner: this listing is scoped by the role, checked first, not by an owner.
function filterWhere(params: AdminCertificateListParams, now: Date, ownerId?: string): Prisma.CertificateWhereInput {
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
    case "PENDING_LETTER_UPLOAD":
    case "ORGANIZATION_REVIEW":
    case "ORGANIZATION_REJECTED":
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
        { domain: { contains: literalLikeText(q), mode: "insensitive" } },
        { alias: { contains: literalLikeText(q), mode: "insensitive" } },
        { sans: { has: q.toLowerCase() } },
      ],
    });
  }
  if (params.owner) and.push({ owner: { email: { contains: literalLikeText(params.owner), mode: "insensitive" } } });
  if (ownerId) and.push({ ownerId });
  return { AND: and };
}

/** One page of every customer's certificates (or one customer's, with `ownerId`), with their owners. */
export async function listAllCertificates(
  actor: Actor,
  params: AdminCertificateListParams,
  now: Date,
  options: { ownerId?: string } = {},
): Promise<AdminCertificatePage> {
  assertAdmin(actor);
  const where = filterWhere(params, now, options.ownerId);
  const [total, rows, brands] = await Promise.all([
    db.certificate.count({ where }),
    db.certificate.findMany({
      where,
      orderBy: certificateListOrder(params.sort),
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
        ...CERTIFICATE_ROW_SELECT,
        ...PENDING_REISSUE_SELECT,
        owner: { select: { id: true, email: true, name: true } },
        renewalOrders: {
          where: { status: { in: [...PAID_RENEWAL_STATUSES] } },
          select: { newCertificateId: true },
          take: 1,
        },
      },
    }),
    db.certificate.groupBy({
      by: ["brand"],
      where: options.ownerId ? { ownerId: options.ownerId } : {},
      orderBy: { brand: "asc" },
    }),
  ]);
  const resourceCounts = await countResourcesByCertificate(rows.map((row) => row.id));
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    brands: brands.map((row) => row.brand),
    items: rows.map((row) => ({
      ...certificateRowColumns(row, now, row.reissuedBy[0]?.id ?? null),
      renewalPaid: row.renewalOrders.length > 0,
      renewalId: row.renewalOrders[0]?.newCertificateId ?? null,
      resourceCount: resourceCounts.get(row.id) ?? 0,
      owner: row.owner,
    })),
  };
}
