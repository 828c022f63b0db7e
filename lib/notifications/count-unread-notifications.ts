import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";

export type UnreadNotifications = { unread: number; inApp: boolean };

/**
 * The header badge: unread notices, unless the owner turned the in-app channel off. Every
 * console page asks, so the setting and the count come in one statement.
 */
export async function countUnreadNotifications(ownerId: string): Promise<UnreadNotifications> {
  const [row] = await queryRows(
    db,
    sqlBuilder.selectNoFrom((eb) => [
      eb.selectFrom("NotificationSettings").select("inApp").where("ownerId", "=", ownerId).as("inApp"),
      eb
        .selectFrom("Notification")
        .select(sql<number>`count(*)::int`.as("unread"))
        .where("ownerId", "=", ownerId)
        .where("readAt", "is", null)
        .as("unread"),
    ]),
  );
  const inApp = row?.inApp ?? true;
  return { unread: inApp ? (row?.unread ?? 0) : 0, inApp };
}
