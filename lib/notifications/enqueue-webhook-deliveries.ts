import "server-only";
import { db } from "@/lib/db/client";
import { WEBHOOK_URL_CHANGE_ACTION } from "@/lib/notifications/update-notification-settings";
import { addDays } from "@/lib/time";

/** Notices older than this (by the job's clock) are not sent to a webhook any more. */
const LOOK_BACK_DAYS = 7;

/**
 * A pending delivery for every notice of an owner with a webhook URL that has none yet:
 * one statement, whichever code created the notice (the job, an action). Only notices
 * created since the URL was last set (its audit entry) go out, so configuring a webhook
 * does not replay the account's history; the unique (notification, URL) pair makes a
 * second run a no-op. Returns how many were queued.
 */
export async function enqueueWebhookDeliveries({ now, realNow }: { now: Date; realNow: Date }): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "WebhookDelivery" (id, "notificationId", url, status, attempts, "nextAttemptAt", "createdAt")
    SELECT 'whd' || replace(gen_random_uuid()::text, '-', ''), n.id, s."webhookUrl", 'PENDING'::"DeliveryStatus",
           0, ${realNow}, ${realNow}
      FROM "NotificationSettings" s
      CROSS JOIN LATERAL (
        SELECT max(a."createdAt") AS since
          FROM "AuditLog" a
         WHERE a."targetType" = 'NotificationSettings'
           AND a."targetId" = s."ownerId"
           AND a.action = ${WEBHOOK_URL_CHANGE_ACTION}
      ) configured
      JOIN "Notification" n
        ON n."ownerId" = s."ownerId"
       AND n."createdAt" >= COALESCE(configured.since, '-infinity'::timestamptz)
       AND n."createdAt" >= ${addDays(now, -LOOK_BACK_DAYS)}
     WHERE s."webhookUrl" IS NOT NULL
    ON CONFLICT ("notificationId", url) DO NOTHING`;
}
