import "server-only";
import type { CertificateFilter } from "@/lib/certificates/list-certificates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A filter that asks for nothing: every certificate of the owner that is not deleted. */
export function isUnfiltered(filter: CertificateFilter): boolean {
  return Object.values(filter).every((value) => value === undefined);
}

/**
 * The exact number of the owner's certificates that `where` (certificateFilterWhere of
 * `filters`, their union) matches. Unfiltered, from the owner's CertificateCount row, which
 * the database's triggers keep (constant however many certificates the owner has); any
 * filter, by counting the matches.
 */
export async function countMatchingCertificates(
  ownerId: string,
  filters: readonly CertificateFilter[],
  where: Prisma.CertificateWhereInput,
): Promise<number> {
  if (filters.length > 0 && filters.every(isUnfiltered)) {
    const counted = await db.certificateCount.findUnique({ where: { ownerId }, select: { total: true } });
    return counted?.total ?? 0;
  }
  return db.certificate.count({ where });
}
