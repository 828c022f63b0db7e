import "server-only";
import { db } from "@/lib/db/client";

/**
 * How many cloud resources use each of these certificates (absent: none), looked up
 * through the certificateId index. A Prisma relation count instead groups the whole
 * resource table, or the owner's part of it, on every request.
 */
export async function countResourcesByCertificate(
  certificateIds: string[],
  scope: { ownerId?: string } = {},
): Promise<Map<string, number>> {
  if (certificateIds.length === 0) return new Map();
  const groups = await db.cloudResource.groupBy({
    by: ["certificateId"],
    where: { certificateId: { in: certificateIds }, ...(scope.ownerId ? { ownerId: scope.ownerId } : {}) },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((group) => (group.certificateId ? [[group.certificateId, group._count._all]] : [])));
}
