import "server-only";
import { db } from "@/lib/db/client";
import type { DeliveryStatus, NotificationKind } from "@/lib/generated/prisma/enums";

export type WebhookDeliveryItem = {
  id: string;
  notificationId: string;
  kind: NotificationKind;
  domain: string | null;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
};

export const WEBHOOK_DELIVERY_PAGE_SIZE = 20;

export type WebhookDeliveryPage = { items: WebhookDeliveryItem[]; total: number; page: number; pageSize: number };

/** One page of the owner's webhook deliveries, newest first. */
export async function listWebhookDeliveries(ownerId: string, page = 1): Promise<WebhookDeliveryPage> {
  const where = { notification: { ownerId } };
  const pageSize = WEBHOOK_DELIVERY_PAGE_SIZE;
  const [total, rows] = await Promise.all([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, Math.floor(page)) - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        url: true,
        status: true,
        attempts: true,
        responseStatus: true,
        lastError: true,
        nextAttemptAt: true,
        deliveredAt: true,
        createdAt: true,
        notification: { select: { id: true, kind: true, params: true } },
      },
    }),
  ]);
  const items = rows.map((row) => {
    const params = (row.notification.params ?? {}) as Record<string, unknown>;
    return {
      id: row.id,
      notificationId: row.notification.id,
      kind: row.notification.kind,
      domain: typeof params.domain === "string" ? params.domain : null,
      url: row.url,
      status: row.status,
      attempts: row.attempts,
      responseStatus: row.responseStatus,
      lastError: row.lastError,
      // Only meaningful while the delivery is still to be tried.
      nextAttemptAt: row.status === "PENDING" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
      deliveredAt: row.deliveredAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { items, total, page, pageSize };
}
