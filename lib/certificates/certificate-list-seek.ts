// Keyset ("seek") pages of My Certificates: the next or previous page read from the row next
// to it onwards in the list's order, through an index, instead of an OFFSET that reads and
// throws away every row before the page (at 100,000 certificates the last page read them all).
// The rows are the same as with the offset: the order is certificateListOrder's (the sort
// key, nulls last, then the id), and a cursor names a row by its sort key and id.
import type { CertificateListParams } from "@/lib/certificates/certificate-list-query";
import type { Prisma } from "@/lib/generated/prisma/client";

type SeekKey = { field: "expiresAt" | "createdAt"; direction: "asc" | "desc"; nullable: boolean };

/** The column each sort orders by (then by id, ascending, in every sort). */
function seekKey(sort: CertificateListParams["sort"]): SeekKey {
  switch (sort) {
    case "expiresAt.desc":
      return { field: "expiresAt", direction: "desc", nullable: true };
    case "createdAt.desc":
      return { field: "createdAt", direction: "desc", nullable: false };
    default:
      return { field: "expiresAt", direction: "asc", nullable: true };
  }
}

export type CertificateCursor = { value: Date | null; id: string };

/** A row's place in the list's order, as text for a URL: "<sort key in ms, or empty for none>.<id>". */
export function certificateCursor(
  row: { id: string; expiresAt: Date | null; createdAt: Date },
  sort: CertificateListParams["sort"],
): string {
  const value = row[seekKey(sort).field];
  return `${value ? value.getTime() : ""}.${row.id}`;
}

const CURSOR = /^(\d{0,15})\.([A-Za-z0-9_-]{1,64})$/;

/** The cursor in `text`, or null for anything that is not one (the list then pages by offset). */
export function parseCertificateCursor(text: string | undefined): CertificateCursor | null {
  const match = text ? CURSOR.exec(text) : null;
  if (!match) return null;
  const [, ms = "", id = ""] = match;
  return { value: ms === "" ? null : new Date(Number(ms)), id };
}

/** One query of a seek: the rows it may return, in the order it reads them. */
export type SeekSegment = {
  where: Prisma.CertificateWhereInput;
  orderBy: Prisma.CertificateOrderByWithRelationInput[];
};

const flip = (direction: "asc" | "desc") => (direction === "asc" ? "desc" : "asc");

/**
 * The queries that read the rows after `cursor` ("forward", in the list's order; from the
 * start when there is none) or before it ("backward", in reverse order: the caller reverses
 * them), each to be run only while the page is not full. Nulls come last, so the rows with
 * a sort key and those without are two segments, each a range of one index read in order
 * (a single `OR "expiresAt" IS NULL` would make PostgreSQL read the whole range and sort it).
 */
export function seekSegments(
  sort: CertificateListParams["sort"],
  cursor: CertificateCursor | null,
  way: "forward" | "backward",
): SeekSegment[] {
  const { field, direction, nullable } = seekKey(sort);
  const withKey = (where: Prisma.CertificateWhereInput, keyDirection: "asc" | "desc", idDirection: "asc" | "desc") => ({
    where,
    orderBy: [{ [field]: keyDirection }, { id: idDirection }],
  });
  const withoutKey = (id: Prisma.StringFilter | undefined, idDirection: "asc" | "desc"): SeekSegment => ({
    where: { [field]: null, ...(id ? { id } : {}) },
    orderBy: [{ id: idDirection }],
  });
  // Past the cursor's key in the list's direction, or at the key with a greater id.
  const after = (value: Date) => ({
    [field]: direction === "asc" ? { gte: value } : { lte: value },
    NOT: { [field]: value, id: { lte: cursor?.id } },
  });
  const before = (value: Date) => ({
    [field]: direction === "asc" ? { lte: value } : { gte: value },
    NOT: { [field]: value, id: { gte: cursor?.id } },
  });

  if (way === "forward") {
    if (cursor?.value === null) return [withoutKey({ gt: cursor.id }, "asc")];
    const start = nullable ? { [field]: { not: null } } : {};
    const keyed = withKey(cursor ? after(cursor.value) : start, direction, "asc");
    return nullable ? [keyed, withoutKey(undefined, "asc")] : [keyed];
  }
  if (!cursor) return [];
  if (cursor.value === null) {
    return [withoutKey({ lt: cursor.id }, "desc"), withKey({ [field]: { not: null } }, flip(direction), "desc")];
  }
  return [withKey(before(cursor.value), flip(direction), "desc")];
}
