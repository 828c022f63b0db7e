import "server-only";
import { db } from "@/lib/db/client";

export type UnreadNotifications = { unread: number; inApp: boolean };

/** The header badge: unread notices, unless the owner turned the in-app channel off. */
export async function countUnreadNotifications(ownerId: string): Promise<UnreadNotifications> {
  const [settings, unread] = await Promise.all([
    db.notificationSettings.findUnique({ where: { ownerId }, select: { inApp: true } }),
    db.notification.count({ where: { ownerId, readAt: null } }),
  ]);
  const inApp = settings?.inApp ?? true;
  return { unread: inApp ? unread : 0, inApp };
}
