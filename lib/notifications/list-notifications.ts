import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { NotificationListParams } from "@/lib/notifications/notification-list-query";
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
  /** Matching the filters. */
  total: number;
  /** All of the owner's unread notices, whatever the filters. */
  unread: number;
  page: number;
  pageSize: number;
};

/** The owner's notices, newest first, filtered by kind and read state. */
export async function listNotifications(ownerId: string, params: NotificationListParams): Promise<NotificationPage> {
  const where: Prisma.NotificationWhereInput = {
    ownerId,
    ...(params.kind ? { kind: params.kind } : {}),
    ...(params.status === "unread" ? { readAt: null } : params.status === "read" ? { readAt: { not: null } } : {}),
  };
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { ownerId, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: { id: true, kind: true, certificateId: true, params: true, readAt: true, createdAt: true },
    }),
  ]);
  return {
    total,
    unread,
    page: params.page,
    pageSize: params.pageSize,
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
