import "server-only";
import { type CertificateFilter, certificateFilterConditions } from "@/lib/certificates/list-certificates";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A filter that asks for nothing but the owner's certificates that are not deleted. */
export function isUnfiltered(filter: CertificateFilter, now: Date): boolean {
  return certificateFilterConditions(filter, now).length === 0;
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
  now: Date,
): Promise<number> {
  if (filters.length > 0 && filters.every((filter) => isUnfiltered(filter, now))) {
    const counted = await db.certificateCount.findUnique({ where: { ownerId }, select: { total: true } });
    return counted?.total ?? 0;
  }
  return db.certificate.count({ where });
}
