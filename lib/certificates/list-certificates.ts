import "server-only";
import { sql } from "kysely";
import type { CertificateListParams } from "@/lib/certificates/certificate-list-query";
import {
  type CertificateCursor,
  certificateCursor,
  parseCertificateCursor,
  seekSegments,
} from "@/lib/certificates/certificate-list-seek";
import {
  CERTIFICATE_ROW_SELECT,
  certificateListOrder,
  certificateRowColumns,
} from "@/lib/certificates/certificate-row-columns";
import { countMatchingCertificates } from "@/lib/certificates/count-matching-certificates";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import { literalLikeText } from "@/lib/db/literal-pattern";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  AutoRenewEndReason,
  AutoRenewState,
  CertificateSource,
  CertificateStatus,
  CertificateType,
  DomainType,
} from "@/lib/generated/prisma/enums";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import { type DisplayStatus, EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";
import { simulatedResourcesAvailable } from "@/lib/resources/simulated-resources-available";
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
  /** The reissue of this certificate waiting for validation, if any: shown as "Reissuing" (status 11). */
  reissuingId: string | null;
};

export type CertificatePage = {
  items: CertificateRow[];
  total: number;
  page: number;
  pageSize: number;
  brands: string[];
  /**
   * The first and last row's place in the list's order (certificate-list-seek.ts): the
   * browser sends one back as `before` or `after` with the previous or next page, which is
   * then read from there through an index instead of by offset. Null on an empty page.
   */
  firstCursor: string | null;
  lastCursor: string | null;
};

/** Which of the owner's certificates a list asks for: the console's filters and the API's are both this. */
export type CertificateFilter = {
  q?: string;
  /** Any of these (as shown: an issued certificate past its expiry is EXPIRED); absent: all. */
  statuses?: readonly DisplayStatus[];
  brand?: string;
  autoRenew?: AutoRenewState;
  /** Issued and expiring within EXPIRING_SOON_DAYS. */
  expiring?: boolean;
  /** Issued, unexpired, with a reissue waiting for validation (shown "Reissuing"). */
  reissuing?: boolean;
  sources?: readonly CertificateSource[];
  ids?: readonly string[];
};

// The console's status filter, in the statuses it stands for; "Reissuing" is no stored
// status but an issued certificate with a reissue in flight (the `reissuing` filter).
const CONSOLE_STATUS_FILTER: Record<
  Exclude<NonNullable<CertificateListParams["status"]>, "REISSUING">,
  DisplayStatus[]
> = {
  ISSUED: ["ISSUED"],
  EXPIRED: ["EXPIRED"],
  PENDING: ["PENDING_VALIDATION", "DNS_RECORD_ADDED"],
  FAILED: ["VALIDATION_FAILED"],
  CANCELED: ["CANCELED"],
  REVOKED: ["REVOKED"],
  PENDING_LETTER_UPLOAD: ["PENDING_LETTER_UPLOAD"],
  ORGANIZATION_REVIEW: ["ORGANIZATION_REVIEW"],
  ORGANIZATION_REJECTED: ["ORGANIZATION_REJECTED"],
};

export function consoleCertificateFilter(params: CertificateListParams): CertificateFilter {
  return {
    q: params.q,
    statuses: params.status && params.status !== "REISSUING" ? CONSOLE_STATUS_FILTER[params.status] : undefined,
    reissuing: params.status === "REISSUING" || undefined,
    brand: params.brand,
    autoRenew: params.autoRenew,
    expiring: params.expiring,
  };
}

/** Certificates shown with one of these statuses at `now` (displayStatus, as a query). */
function displayStatusWhere(statuses: readonly DisplayStatus[], now: Date): Prisma.CertificateWhereInput {
  return {
    OR: statuses.map((status): Prisma.CertificateWhereInput => {
      if (status === "ISSUED") return { status: "ISSUED", expiresAt: { gt: now } };
      if (status === "EXPIRED") return { status: "ISSUED", expiresAt: { lte: now } };
      return { status };
    }),
  };
}

/** The `expiring` filter, for one certificate: issued, not expired, expiring within EXPIRING_SOON_DAYS. */
export function isExpiringSoon(certificate: { status: CertificateStatus; expiresAt: Date | null }, now: Date): boolean {
  const { expiresAt } = certificate;
  return (
    certificate.status === "ISSUED" &&
    expiresAt !== null &&
    expiresAt.getTime() > now.getTime() &&
    expiresAt.getTime() <= addDays(now, EXPIRING_SOON_DAYS).getTime()
  );
}

/** The one query of "the owner's certificates that match": every customer list uses it. */
export function certificateFilterWhere(
  ownerId: string,
  filter: CertificateFilter,
  now: Date,
): Prisma.CertificateWhereInput {
  // The owner (and "not deleted") is always part of the filter: no parameter can widen it.
  return { ...ownedCertificateWhere(ownerId), AND: certificateFilterConditions(filter, now) };
}

/** What a filter asks of the owner's certificates besides being theirs: none for "all of them". */
export function certificateFilterConditions(filter: CertificateFilter, now: Date): Prisma.CertificateWhereInput[] {
  const and: Prisma.CertificateWhereInput[] = [];
  if (filter.statuses) and.push(displayStatusWhere(filter.statuses, now));
  if (filter.brand) and.push({ brand: filter.brand });
  if (filter.autoRenew) and.push({ autoRenewState: filter.autoRenew });
  if (filter.sources) and.push({ source: { in: [...filter.sources] } });
  if (filter.ids) and.push({ id: { in: [...filter.ids] } });
  if (filter.reissuing) {
    and.push({
      status: "ISSUED",
      expiresAt: { gt: now },
      reissuedBy: { some: { status: { in: [...PENDING_STATUSES] } } },
    });
  }
  if (filter.expiring) and.push({ status: "ISSUED", expiresAt: { gt: now, lte: addDays(now, EXPIRING_SOON_DAYS) } });
  if (filter.q) {
    // A substring of the domain or the alias, whatever the case (a `%` or `_` in q is
    // itself, not a wildcard), a name in sans, or the id: each through an index of its own
    // (trigram GIN indexes, migration 20261203110000_certificate_search_indexes).
    const q = filter.q;
    const text = literalLikeText(q);
    and.push({
      OR: [
        { id: q },
        { domain: { contains: text, mode: "insensitive" } },
        { alias: { contains: text, mode: "insensitive" } },
        { sans: { has: q.toLowerCase() } },
      ],
    });
  }
  return and;
}

type RowFacts = Awaited<ReturnType<typeof queryRowFacts>>[number];

/**
 * What a row shows besides its own columns, for one page of rows in one statement, each
 * looked up through an index and scoped by the owner (a relation count in the page query
 * aggregated every certificate's resources, of every owner, on each request).
 */
async function loadRowFacts(ownerId: string, ids: string[]): Promise<Map<string, RowFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRowFacts(ownerId, ids);
  return new Map(rows.map((row) => [row.id, row]));
}

function queryRowFacts(ownerId: string, ids: string[]) {
  return queryRows(
    db,
    sqlBuilder
      .selectFrom("Certificate as c")
      .select((eb) => [
        "c.id",
        eb
          .selectFrom("CloudResource as r")
          .select(sql<number>`count(*)::int`.as("count"))
          .whereRef("r.certificateId", "=", "c.id")
          .where("r.ownerId", "=", ownerId)
          .$asScalar()
          .$notNull()
          .as("resourceCount"),
        eb
          .selectFrom("RenewalOrder as o")
          .select("o.newCertificateId")
          .whereRef("o.certificateId", "=", "c.id")
          .where((order) =>
            order(
              sql<string>`${order.ref("o.status")}::text`,
              "=",
              sql<string>`ANY(${[...PAID_RENEWAL_STATUSES]}::text[])`,
            ),
          )
          .orderBy("o.attempt", "desc")
          .limit(sql.lit(1))
          .as("renewalId"),
        eb
          .selectFrom("CloudResource as r")
          .select(sql<number>`count(*)::int`.as("count"))
          // The predecessor: the certificate renewed or reissued (a certificate is never both).
          .where("r.certificateId", "=", sql<string>`coalesce(${sql.ref("c.renewsId")}, ${sql.ref("c.reissuesId")})`)
          .where("r.ownerId", "=", ownerId)
          .$asScalar()
          .$notNull()
          .as("predecessorResourceCount"),
        eb
          .selectFrom("Certificate as reissue")
          .select("reissue.id")
          .whereRef("reissue.reissuesId", "=", "c.id")
          .where("reissue.ownerId", "=", ownerId)
          .where((reissue) =>
            reissue(
              sql<string>`${reissue.ref("reissue.status")}::text`,
              "=",
              sql<string>`ANY(${[...PENDING_STATUSES]}::text[])`,
            ),
          )
          .limit(sql.lit(1))
          .as("reissuingId"),
      ])
      .where("c.ownerId", "=", ownerId)
      .where("c.deletedAt", "is", null)
      .where("c.id", "=", sql<string>`ANY(${ids}::text[])`),
  );
}

/**
 * The brands among the owner's certificates, for the brand filter: a few index probes
 * on (ownerId, brand), one per brand, however many certificates the owner has.
 */
async function listOwnerBrands(ownerId: string): Promise<string[]> {
  const rows = await queryRows(
    db,
    sqlBuilder
      .withRecursive("brands(brand)", (db) =>
        db
          .selectFrom((first) =>
            first
              .selectFrom("Certificate")
              .select("brand")
              .where("ownerId", "=", ownerId)
              .where("deletedAt", "is", null)
              .orderBy("brand")
              .limit(sql.lit(1))
              .as("first"),
          )
          .select((eb) => eb.ref("first.brand").$castTo<string | null>().as("brand"))
          .unionAll(
            db
              .selectFrom("brands as b")
              .select((eb) =>
                eb
                  .selectFrom("Certificate as c")
                  .select("c.brand")
                  .where("c.ownerId", "=", ownerId)
                  .where("c.deletedAt", "is", null)
                  .whereRef("c.brand", ">", "b.brand")
                  .orderBy("c.brand")
                  .limit(sql.lit(1))
                  .as("brand"),
              )
              .where("b.brand", "is not", null),
          ),
      )
      .selectFrom("brands")
      .select("brand")
      .where("brand", "is not", null)
      .$narrowType<{ brand: string }>(),
  );
  return rows.map((row) => row.brand);
}

const PAGE_ROW_SELECT = { ...CERTIFICATE_ROW_SELECT, renewsId: true, reissuesId: true, createdAt: true } as const;

type PageRow = Prisma.CertificateGetPayload<{ select: typeof PAGE_ROW_SELECT }>;

/**
 * A search matching at most this many certificates is read as their ids first: PostgreSQL
 * cannot estimate how few rows `sans @> {q}` matches (0.5% of the table, it assumes), so
 * with ORDER BY … LIMIT it would walk the whole list in order looking for them (100 ms at
 * 100,000 certificates) instead of asking the search indexes. The ids also give the exact
 * total, so the search costs two statements that read only the matches.
 */
export const SEARCH_MATCH_LIMIT = 1_000;

/**
 * The ids of the certificates a search (`where` with a `q`) matches when they are at most
 * SEARCH_MATCH_LIMIT, else null: read the page from them (`id: { in: ids }`, the owner's)
 * and take their number as the total; with more, the matches are dense enough for the
 * ordered read and the count.
 */
export async function findSearchMatches(where: Prisma.CertificateWhereInput): Promise<string[] | null> {
  const matches = await db.certificate.findMany({ where, select: { id: true }, take: SEARCH_MATCH_LIMIT + 1 });
  return matches.length <= SEARCH_MATCH_LIMIT ? matches.map((match) => match.id) : null;
}

/** One page of the owner's certificates, filtered and sorted on the server. */
export async function listCertificates(
  ownerId: string,
  params: CertificateListParams,
  now: Date,
): Promise<CertificatePage> {
  const filter = consoleCertificateFilter(params);
  const where = certificateFilterWhere(ownerId, filter, now);
  const [{ total, rows }, brands] = await Promise.all([
    findCertificatePage(ownerId, filter, where, params, now),
    listOwnerBrands(ownerId),
  ]);
  const facts = await loadRowFacts(
    ownerId,
    rows.map((row) => row.id),
  );
  const simulated = simulatedResourcesAvailable();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    brands,
    firstCursor: first ? certificateCursor(first, params.sort) : null,
    lastCursor: last ? certificateCursor(last, params.sort) : null,
    items: rows.map((row) => {
      const fact = facts.get(row.id);
      const current = row.status === "ISSUED" && row.expiresAt !== null && row.expiresAt > now;
      return {
        ...certificateRowColumns(row, now, fact?.reissuingId ?? null),
        renewalPaid: Boolean(fact?.renewalId),
        renewalId: fact?.renewalId ?? null,
        resourceCount: fact?.resourceCount ?? 0,
        resourceUpdateFromId:
          simulated && current && (fact?.predecessorResourceCount ?? 0) > 0 ? (row.renewsId ?? row.reissuesId) : null,
      };
    }),
  };
}

/**
 * The page's rows and the exact total. The first page, and the next or previous page of one
 * the browser has (its cursor in `after` or `before`), are read from an index in order; a
 * page reached any other way (a link to page 40) is read by offset.
 */
async function findCertificatePage(
  ownerId: string,
  filter: CertificateFilter,
  where: Prisma.CertificateWhereInput,
  params: CertificateListParams,
  now: Date,
): Promise<{ total: number; rows: PageRow[] }> {
  const offset = (params.page - 1) * params.pageSize;
  const ids = params.q ? await findSearchMatches(where) : null;
  if (ids) {
    const rows = await db.certificate.findMany({
      where: { ...ownedCertificateWhere(ownerId), id: { in: ids } },
      orderBy: certificateListOrder(params.sort),
      skip: offset,
      take: params.pageSize,
      select: PAGE_ROW_SELECT,
    });
    return { total: ids.length, rows };
  }
  const byOffset = () =>
    db.certificate.findMany({
      where,
      orderBy: certificateListOrder(params.sort),
      skip: offset,
      take: params.pageSize,
      select: PAGE_ROW_SELECT,
    });
  const seek = pageSeek(params);
  const [total, sought] = await Promise.all([
    countMatchingCertificates(ownerId, [filter], where, now),
    seek ? seekCertificateRows(where, params.sort, seek.cursor, seek.way, params.pageSize) : null,
  ]);
  // A page that comes out short where the total says it is full (rows deleted or added
  // since the browser's page, a cursor from another list): read it by offset instead.
  const expected = Math.max(0, Math.min(params.pageSize, total - offset));
  return sought?.length === expected ? { total, rows: sought } : { total, rows: await byOffset() };
}

function pageSeek(
  params: CertificateListParams,
): { way: "forward" | "backward"; cursor: CertificateCursor | null } | null {
  if (params.page === 1) return { way: "forward", cursor: null };
  const after = parseCertificateCursor(params.after);
  if (after) return { way: "forward", cursor: after };
  const before = parseCertificateCursor(params.before);
  if (before) return { way: "backward", cursor: before };
  return null;
}

/**
 * Up to `take` rows that `where` matches right after `cursor` (from the start without one)
 * or right before it, in the list's order: each segment of the seek (seekSegments) one
 * indexed read, the next only while the page is not full.
 */
export async function seekCertificateRows(
  where: Prisma.CertificateWhereInput,
  sort: CertificateListParams["sort"],
  cursor: CertificateCursor | null,
  way: "forward" | "backward",
  take: number,
): Promise<PageRow[]> {
  const rows: PageRow[] = [];
  for (const segment of seekSegments(sort, cursor, way)) {
    if (rows.length >= take) break;
    rows.push(
      ...(await db.certificate.findMany({
        where: { AND: [where, segment.where] },
        orderBy: segment.orderBy,
        take: take - rows.length,
        select: PAGE_ROW_SELECT,
      })),
    );
  }
  return way === "backward" ? rows.reverse() : rows;
}
