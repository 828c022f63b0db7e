import "server-only";
import { sql } from "kysely";
import { findPrice, listPrices } from "@/lib/billing/list-prices";
import { certificateListOrder } from "@/lib/certificates/certificate-row-columns";
import { countMatchingCertificates } from "@/lib/certificates/count-matching-certificates";
import {
  type CertificateFilter,
  certificateFilterWhere,
  findSearchMatches,
} from "@/lib/certificates/list-certificates";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CloudResourceType } from "@/lib/generated/prisma/enums";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import { manualRenewalFailures } from "@/lib/renewal/auto-renew-rules";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";

const CERTIFICATE_SELECT = {
  id: true,
  ownerId: true,
  alias: true,
  domain: true,
  sans: true,
  tags: true,
  brand: true,
  certificateType: true,
  domainType: true,
  source: true,
  validityYears: true,
  status: true,
  notBefore: true,
  expiresAt: true,
  issuedAt: true,
  createdAt: true,
  autoRenewState: true,
  ignoreNotifications: true,
  validationMethod: true,
  validationRecordName: true,
  validationRecordValue: true,
  validationDeadline: true,
  validatedAt: true,
  keyAlgorithm: true,
  fingerprintSha256: true,
  renewsId: true,
} as const;

type CertificateColumns = Awaited<ReturnType<typeof selectCertificates>>[number];

export type ApiCertificate = Omit<CertificateColumns, "renewalOrders" | "resources" | "reissuedBy"> & {
  /** A reissue of it waits for validation: the original's status 11, "Reissuing". */
  reissuing: boolean;
  hasCertificateFile: boolean;
  hasPrivateKey: boolean;
  /** A renewal paid for it (pending validation or issued), as the console's "renewal paid". */
  renewalUnderWay: boolean;
  /** That renewal's order and new certificate. */
  renewalOrderId: string | null;
  renewalCertificateId: string | null;
  /** The kinds of cloud resource that use it (CLB, CDN…), each once. */
  resourceTypes: CloudResourceType[];
  /** Manual renewal is open for it now (the rule the console's "Renew" offer applies). */
  renewable: boolean;
  /** Only when asked for (DescribeCertificateDetail). */
  certificatePem?: string | null;
  chainPem?: string | null;
};

export type ApiCertificateQuery = {
  /** Certificates matching any of these console filters (none: nothing matches). */
  filters: readonly CertificateFilter[];
  order: "expiresAt.asc" | "expiresAt.desc" | "createdAt.desc";
  offset: number;
  limit: number;
};

/** One page of the owner's certificates for DescribeCertificates: the console's filter and order. */
export async function listApiCertificates(
  ownerId: string,
  query: ApiCertificateQuery,
  now: Date,
): Promise<{ total: number; certificates: ApiCertificate[] }> {
  // Each filter is scoped by the owner: their union is too.
  const wheres = query.filters.map((filter) => certificateFilterWhere(ownerId, filter, now));
  const where: Prisma.CertificateWhereInput = wheres.length === 1 && wheres[0] ? wheres[0] : { OR: wheres };
  // A search read as its matches first, as the console's list does (findSearchMatches).
  const ids = query.filters.some((filter) => filter.q) ? await findSearchMatches(where) : null;
  const [total, page] = await Promise.all([
    ids ? ids.length : countMatchingCertificates(ownerId, query.filters, where, now),
    db.certificate.findMany({
      where: ids ? { ...ownedCertificateWhere(ownerId), id: { in: ids } } : where,
      orderBy: certificateListOrder(query.order),
      skip: query.offset,
      take: query.limit,
      select: { id: true },
    }),
  ]);
  return {
    total,
    certificates: await loadApiCertificates(
      ownerId,
      page.map((row) => row.id),
      now,
    ),
  };
}

/** One of the owner's certificates, with its PEM chain; null for anyone else's, or a deleted one. */
export async function getApiCertificate(
  ownerId: string,
  certificateId: string,
  now: Date,
  options: { withPem: boolean } = { withPem: false },
): Promise<ApiCertificate | null> {
  const [certificate] = await loadApiCertificates(ownerId, [certificateId], now, options);
  return certificate ?? null;
}

function selectCertificates(ownerId: string, ids: readonly string[]) {
  return db.certificate.findMany({
    where: { id: { in: [...ids] }, ...ownedCertificateWhere(ownerId) },
    select: {
      ...CERTIFICATE_SELECT,
      renewalOrders: {
        where: { status: { in: [...PAID_RENEWAL_STATUSES] } },
        orderBy: { attempt: "desc" },
        take: 1,
        select: { id: true, newCertificateId: true },
      },
      resources: { where: { ownerId }, select: { type: true } },
      reissuedBy: { where: { status: { in: [...PENDING_STATUSES] } }, select: { id: true }, take: 1 },
    },
  });
}

/** The certificates of `ids` (in that order) that are the owner's, with what the API's rows say of them. */
async function loadApiCertificates(
  ownerId: string,
  ids: readonly string[],
  now: Date,
  options: { withPem: boolean } = { withPem: false },
): Promise<ApiCertificate[]> {
  if (ids.length === 0) return [];
  const [rows, files, prices] = await Promise.all([
    selectCertificates(ownerId, ids),
    queryRows(
      db,
      sqlBuilder
        .selectFrom("Certificate as c")
        .select([
          "c.id",
          sql<boolean>`c."certificatePem" IS NOT NULL`.as("hasCertificateFile"),
          sql<boolean>`c."privateKeyEncrypted" IS NOT NULL`.as("hasPrivateKey"),
          ...(options.withPem ? (["c.certificatePem", "c.chainPem"] as const) : []),
        ])
        .where("c.ownerId", "=", ownerId)
        .where("c.deletedAt", "is", null)
        .where("c.id", "=", sql<string>`ANY(${[...ids]}::text[])`),
    ),
    listPrices(),
  ]);
  const fileOf = new Map(
    files.map((row) => [row.id, row as typeof row & { certificatePem?: string | null; chainPem?: string | null }]),
  );
  const byId = new Map(
    rows.map(({ renewalOrders, resources, reissuedBy, ...certificate }) => {
      const file = fileOf.get(certificate.id);
      const renewal = renewalOrders[0];
      const facts = { ...certificate, renewalUnderWay: renewal !== undefined };
      const record: ApiCertificate = {
        ...certificate,
        hasCertificateFile: file?.hasCertificateFile ?? false,
        hasPrivateKey: file?.hasPrivateKey ?? false,
        reissuing: reissuedBy.length > 0,
        renewalUnderWay: renewal !== undefined,
        renewalOrderId: renewal?.id ?? null,
        renewalCertificateId: renewal?.newCertificateId ?? null,
        resourceTypes: [...new Set(resources.map((resource) => resource.type))],
        renewable: manualRenewalFailures(facts, Boolean(findPrice(prices, certificate)), now).length === 0,
        ...(options.withPem ? { certificatePem: file?.certificatePem ?? null, chainPem: file?.chainPem ?? null } : {}),
      };
      return [certificate.id, record] as const;
    }),
  );
  return ids.map((id) => byId.get(id)).filter((record): record is ApiCertificate => record !== undefined);
}
