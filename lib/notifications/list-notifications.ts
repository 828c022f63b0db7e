import "server-only";
import { db } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { NotificationParams } from "@/lib/notifications/notification-values";

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  certificateId: string | null;
  params: NotificationParams;
  read: boolean;
  createdAt: string;
};

export type NotificationPage = {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
};

/** The owner's notices, newest first. */
export async function listNotifications(ownerId: string, page: number, pageSize = 20): Promise<NotificationPage> {
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where: { ownerId } }),
    db.notification.count({ where: { ownerId, readAt: null } }),
    db.notification.findMany({
      where: { ownerId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, kind: true, certificateId: true, params: true, readAt: true, createdAt: true },
    }),
  ]);
  return {
    total,
    unread,
    page,
    pageSize,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      certificateId: row.certificateId,
      params: (row.params ?? {}) as NotificationParams,
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
