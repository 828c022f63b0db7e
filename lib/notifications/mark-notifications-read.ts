import "server-only";
import { db } from "@/lib/db/client";

/** Marks the owner's notices read: the given ones, or all of them. */
export async function markNotificationsRead(ownerId: string, ids: string[] | "all", now: Date): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { ownerId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: now },
  });
  return count;
}
