// My Certificates at scale: keyset pages return the offset's rows, the search matches its
// text literally, and the search and count indexes exist and serve the queries.
import { beforeAll, describe, expect, it } from "vitest";
import { parseCertificateListParams } from "@/lib/certificates/certificate-list-params";
import { SORTS } from "@/lib/certificates/certificate-list-query";
import { parseCertificateCursor } from "@/lib/certificates/certificate-list-seek";
import { certificateListOrder } from "@/lib/certificates/certificate-row-columns";
import {
  certificateFilterWhere,
  listCertificates,
  SEARCH_MATCH_LIMIT,
  seekCertificateRows,
} from "@/lib/certificates/list-certificates";
import { db } from "@/lib/db/client";
import { literalLikeText } from "@/lib/db/literal-pattern";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listApiCertificates } from "@/lib/tencent-api/load-api-certificates";
import { createTestCertificate, createTestUser, issuedCertificateRow, TEST_NOW } from "@/testing/factories";

const DAY = 86_400_000;
const PAGE_SIZE = 10;
const params = (query: Record<string, string> = {}) =>
  parseCertificateListParams(new URLSearchParams({ pageSize: String(PAGE_SIZE), ...query }));

let owner: { id: string };
let other: { id: string };
// Same-length lowercase ids, so PostgreSQL's collation and this test agree on their order.
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(4, "0")}`;

beforeAll(async () => {
  [owner, other] = [await createTestUser(), await createTestUser()];
  const rows: Prisma.CertificateCreateManyInput[] = [];
  for (let n = 0; n < 37; n++) {
    // Ties: three certificates per expiry day (and per creation time); every 6th has no expiry.
    const expiresAt = n % 6 === 5 ? null : new Date(TEST_NOW.getTime() + (Math.floor(n / 3) + 1) * DAY);
    const row: Prisma.CertificateCreateManyInput = {
      ...issuedCertificateRow({
        ownerId: owner.id,
        domain: `seek${n}.scale.test`,
        notBefore: TEST_NOW,
        expiresAt: expiresAt ?? TEST_NOW,
      }),
      // Inserted in an order that is not the ids' order, so the id tie-break is tested.
      id: id(n % 2 ? "zs" : "as", 100 - n),
      expiresAt,
      status: expiresAt ? ("ISSUED" as const) : ("PENDING_VALIDATION" as const),
      createdAt: new Date(TEST_NOW.getTime() - Math.floor(n / 4) * DAY),
      // Two deleted ones in the middle of the order: never shown.
      deletedAt: n === 7 || n === 20 ? TEST_NOW : null,
    };
    // Another owner's certificates at the same places in every order.
    rows.push(row, { ...row, id: id("ot", n), ownerId: other.id, deletedAt: null });
  }
  await db.certificate.createMany({ data: rows });
});

/** The owner's pages the offset way, as the list read them before keyset pages. */
async function offsetPages(sort: (typeof SORTS)[number]): Promise<string[][]> {
  const where = certificateFilterWhere(owner.id, {}, TEST_NOW);
  const all = await db.certificate.findMany({ where, orderBy: certificateListOrder(sort), select: { id: true } });
  const pages: string[][] = [];
  for (let at = 0; at < all.length; at += PAGE_SIZE) pages.push(all.slice(at, at + PAGE_SIZE).map((row) => row.id));
  return pages;
}

describe("keyset pages of My Certificates", () => {
  for (const sort of SORTS) {
    it(`returns the offset's rows forward and backward, sorted ${sort}`, async () => {
      const expected = await offsetPages(sort);
      expect(expected.length).toBe(4);
      expect(expected.flat()).toHaveLength(35);
      expect(expected.flat().every((rowId) => !rowId.startsWith("ot"))).toBe(true);

      // Forward from page 1, each next page from the last row of the one before.
      let page = await listCertificates(owner.id, params({ sort }), TEST_NOW);
      const forward = [page.items.map((row) => row.id)];
      for (let number = 2; number <= expected.length; number++) {
        page = await listCertificates(
          owner.id,
          params({ sort, page: String(number), after: page.lastCursor ?? "" }),
          TEST_NOW,
        );
        expect(page.total).toBe(35);
        forward.push(page.items.map((row) => row.id));
      }
      expect(forward).toEqual(expected);

      // Backward from the last page, each previous page from the first row of the one after.
      const backward = [page.items.map((row) => row.id)];
      for (let number = expected.length - 1; number >= 1; number--) {
        page = await listCertificates(
          owner.id,
          params({ sort, page: String(number), before: page.firstCursor ?? "" }),
          TEST_NOW,
        );
        backward.unshift(page.items.map((row) => row.id));
      }
      expect(backward).toEqual(expected);
    });

    it(`seeks the same rows itself, without the offset to fall back on, sorted ${sort}`, async () => {
      const expected = await offsetPages(sort);
      const where = certificateFilterWhere(owner.id, {}, TEST_NOW);
      const all = await db.certificate.findMany({
        where,
        orderBy: certificateListOrder(sort),
        select: { id: true, expiresAt: true, createdAt: true },
      });
      const cursorOf = (index: number) => {
        const row = all[index];
        if (!row) throw new Error(`no row ${index}`);
        const value = sort === "createdAt.desc" ? row.createdAt : row.expiresAt;
        return { value, id: row.id };
      };
      for (let number = 2; number <= expected.length; number++) {
        const after = await seekCertificateRows(
          where,
          sort,
          cursorOf((number - 1) * PAGE_SIZE - 1),
          "forward",
          PAGE_SIZE,
        );
        expect(after.map((row) => row.id)).toEqual(expected[number - 1]);
        const before = await seekCertificateRows(where, sort, cursorOf(number * PAGE_SIZE - PAGE_SIZE), "backward", 10);
        expect(before.map((row) => row.id)).toEqual(expected[number - 2]);
      }
      // From a row without an expiry (the nulls come last), forward and backward.
      const nullIndex = all.findIndex((row) => row.expiresAt === null);
      if (sort !== "createdAt.desc") {
        const rest = all.slice(nullIndex + 1).map((row) => row.id);
        const forward = await seekCertificateRows(where, sort, cursorOf(nullIndex), "forward", 100);
        expect(forward.map((row) => row.id)).toEqual(rest);
        const backward = await seekCertificateRows(where, sort, cursorOf(nullIndex), "backward", 100);
        expect(backward.map((row) => row.id)).toEqual(all.slice(0, nullIndex).map((row) => row.id));
      }
    });
  }

  it("pages by offset when the cursor is not one, or the page it gives is short", async () => {
    const expected = await offsetPages("expiresAt.asc");
    const garbled = await listCertificates(owner.id, params({ page: "3", after: "not a cursor" }), TEST_NOW);
    expect(garbled.items.map((row) => row.id)).toEqual(expected[2]);
    // A cursor from past the end of the list: the seek finds nothing, the offset finds the page.
    const last = expected.at(-1)?.at(-1) ?? "";
    const page1 = await listCertificates(owner.id, params(), TEST_NOW);
    expect(page1.lastCursor).not.toBeNull();
    const lastCursor = `.${last}`;
    expect(parseCertificateCursor(lastCursor)).toEqual({ value: null, id: last });
    const stale = await listCertificates(owner.id, params({ page: "2", after: lastCursor }), TEST_NOW);
    expect(stale.items.map((row) => row.id)).toEqual(expected[1]);
  });
});

describe("the search", () => {
  it("matches % and _ in q as themselves", async () => {
    const user = await createTestUser();
    const percent = await createTestCertificate(user.id, { domain: "fifty%off.scale.test" });
    await createTestCertificate(user.id, { domain: "fiftyxoff.scale.test" });
    const underscore = await createTestCertificate(user.id, { domain: "under_score.scale.test", alias: "a_b" });
    await createTestCertificate(user.id, { domain: "underxscore.scale.test", alias: "axb" });

    const ids = async (q: string) =>
      (await listCertificates(user.id, params({ q }), TEST_NOW)).items.map((row) => row.id).sort();

    expect(await ids("fifty%off")).toEqual([percent.id]);
    expect(await ids("under_score")).toEqual([underscore.id]);
    expect(await ids("A_B")).toEqual([underscore.id]);
    expect(await ids("%")).toEqual([percent.id]);
    expect(await ids("\\")).toEqual([]);
  });

  it("counts and pages a search matching more certificates than it reads as ids", async () => {
    const user = await createTestUser();
    const many = SEARCH_MATCH_LIMIT + 5;
    await db.certificate.createMany({
      data: Array.from({ length: many }, (_, n) => ({
        ...issuedCertificateRow({
          ownerId: user.id,
          domain: `bulk${n}.scale.test`,
          notBefore: TEST_NOW,
          expiresAt: new Date(TEST_NOW.getTime() + (n + 1) * 60_000),
        }),
      })),
    });
    const page = await listCertificates(user.id, params({ q: "bulk", page: "101" }), TEST_NOW);
    expect(page.total).toBe(many);
    expect(page.items.map((row) => row.domain)).toEqual(
      Array.from({ length: 5 }, (_, n) => `bulk${SEARCH_MATCH_LIMIT + n}.scale.test`),
    );
    const few = await listCertificates(user.id, params({ q: "bulk100" }), TEST_NOW);
    expect(few.total).toBe(6); // bulk100 and bulk1000–bulk1004
    expect(few.items[0]?.domain).toBe("bulk100.scale.test");
  });
});

describe("the API's search", () => {
  it("reads a search as its matches, with their exact total, in the list's order and offset", async () => {
    const user = await createTestUser();
    const late = await createTestCertificate(user.id, { domain: "shop.api-search.test", expiresInDays: 90 });
    const early = await createTestCertificate(user.id, { domain: "www.api-search.test", expiresInDays: 10 });
    await createTestCertificate(user.id, { domain: "other.test" });
    await createTestCertificate(other.id, { domain: "theirs.api-search.test" });
    const query = { filters: [{ q: "API-search" }], order: "expiresAt.asc" as const, offset: 0, limit: 10 };

    const all = await listApiCertificates(user.id, query, TEST_NOW);
    expect(all.total).toBe(2);
    expect(all.certificates.map((certificate) => certificate.id)).toEqual([early.id, late.id]);
    const second = await listApiCertificates(user.id, { ...query, offset: 1 }, TEST_NOW);
    expect(second.total).toBe(2);
    expect(second.certificates.map((certificate) => certificate.id)).toEqual([late.id]);
  });
});

describe("the list's indexes", () => {
  const plan = async (off: string[], sql: string, ...values: unknown[]) =>
    db.$transaction(async (tx) => {
      // Few rows here: make PostgreSQL show which index it would use rather than read the table.
      for (const setting of off) await tx.$executeRawUnsafe(`SET LOCAL ${setting} = off`);
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...values);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });

  it("exist", async () => {
    const rows = await db.$queryRaw<{ indexname: string }[]>`
      SELECT indexname FROM pg_indexes WHERE tablename = 'Certificate' ORDER BY indexname`;
    expect(rows.map((row) => row.indexname)).toEqual(
      expect.arrayContaining([
        "Certificate_domain_trgm_idx",
        "Certificate_alias_trgm_idx",
        "Certificate_sans_idx",
        "Certificate_owned_expiresAt_idx",
        "Certificate_owned_idx",
      ]),
    );
  });

  it("serve the search's substring match on the domain and the alias, as Prisma writes it", async () => {
    // Ten thousand certificates on one account, enough that PostgreSQL plans as it would
    // in production: the four indexes OR-ed, not a read of the owner's every row.
    const big = await createTestUser();
    await db.$executeRaw`
      INSERT INTO "Certificate" (id, "ownerId", alias, tags, brand, "certificateType", "domainType", domain, sans,
                                 source, status, "expiresAt", "updatedAt")
      SELECT 'bg' || lpad(g::text, 10, '0'), ${big.id}, CASE WHEN g % 7 = 0 THEN 'Service ' || g END, '{}',
             'DNSPod', 'DV', 'SINGLE', 'host' || g || '.plan.test',
             CASE WHEN g % 3 = 0 THEN ARRAY['a' || g || '.plan.test'] ELSE '{}'::text[] END,
             'PURCHASED', 'ISSUED', now() + g * interval '1 minute', now()
        FROM generate_series(1, 10000) AS g`;
    // As autovacuum would: statistics, and the GIN indexes' pending lists merged.
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Certificate"`);
    const search = await plan(
      [],
      `SELECT id FROM "Certificate" WHERE "ownerId" = $1 AND "deletedAt" IS NULL
         AND (id = $2 OR domain ILIKE ('%' || $3 || '%') OR alias ILIKE ('%' || $3 || '%') OR sans @> $4)`,
      big.id,
      "host4242",
      literalLikeText("host4242"),
      ["host4242"],
    );
    expect(search).toContain("BitmapOr");
    expect(search).toContain("Certificate_domain_trgm_idx");
    expect(search).toContain("Certificate_alias_trgm_idx");
    expect(search).toContain("Certificate_sans_idx");
    expect(search).not.toContain("Seq Scan");
    // An escaped wildcard still narrows the search by the trigrams around it.
    const escaped = await plan(
      [],
      `SELECT id FROM "Certificate" WHERE domain ILIKE ('%' || $1 || '%')`,
      literalLikeText("host_42%42"),
    );
    expect(escaped).toContain("Certificate_domain_trgm_idx");
  });

  it("count the owner's certificates from an index alone", async () => {
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Certificate"`);
    const count = await plan(
      ["enable_seqscan", "enable_bitmapscan"],
      `SELECT count(*) FROM "Certificate" WHERE "ownerId" = $1 AND "deletedAt" IS NULL`,
      owner.id,
    );
    expect(count).toMatch(/Index Only Scan using "Certificate_owned(_expiresAt)?_idx"/);
  });
});
