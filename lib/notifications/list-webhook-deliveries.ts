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

/** The owner's most recent webhook deliveries, newest first. */
export async function listWebhookDeliveries(ownerId: string, limit = 50): Promise<WebhookDeliveryItem[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { notification: { ownerId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 200),
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
  });
  return rows.map((row) => {
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
}
