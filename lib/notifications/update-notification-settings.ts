import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import {
  checkNotificationSettings,
  type NotificationSettingsFieldErrors,
} from "@/lib/notifications/check-notification-settings";
import { getNotificationSettings, type NotificationSettingsView } from "@/lib/notifications/get-notification-settings";
import { generateWebhookSecret } from "@/lib/notifications/sign-webhook";
import { checkWebhookHost } from "@/lib/notifications/webhook-address-policy";
import { sealWebhookSecret } from "@/lib/notifications/webhook-secret";
import { webhookOrigin } from "@/lib/notifications/webhook-url";

export type { NotificationSettingsFieldErrors };

/** Audit action of a webhook URL change; deliveries go only to notices created after it. */
export const WEBHOOK_URL_CHANGE_ACTION = "notification_settings.webhook_url.change";

export type NotificationSettingsInput = {
  ownerId: string;
  /** As typed: "30, 15, 7, 3, 1, 0". */
  reminderDays: string;
  inApp: boolean;
  email: boolean;
  /** Empty: no webhook. */
  webhookUrl: string;
  actorId: string;
  ip: string | null;
  now: Date;
};

export type UpdateNotificationSettingsResult =
  | {
      ok: true;
      settings: NotificationSettingsView;
      /** A signing secret made now (first webhook URL): to show once, never again. */
      newWebhookSecret: string | null;
    }
  | { ok: false; fieldErrors: NotificationSettingsFieldErrors };

/**
 * Saves the owner's notification settings. Reminder days are whole days 0–90, at most 10;
 * the webhook URL must be https (or http to localhost) and resolve to public addresses
 * only (see webhook-address-policy.ts). The first webhook URL gets a signing secret, which
 * is returned once. Pending deliveries to a URL no longer configured are skipped.
 */
export async function updateNotificationSettings(
  input: NotificationSettingsInput,
): Promise<UpdateNotificationSettingsResult> {
  const checked = checkNotificationSettings(input);
  if (!checked.ok) return checked;
  let webhookUrl: string | null = null;
  if (checked.webhookUrl) {
    const host = await checkWebhookHost(checked.webhookUrl.hostname);
    if (!host.ok) return { ok: false, fieldErrors: { webhookUrl: { problem: host.problem } } };
    webhookUrl = checked.webhookUrl.href;
  }
  const reminderDays = checked.reminderDays;

  const newWebhookSecret = await db.$transaction(async (tx) => {
    const before = await tx.notificationSettings.findUnique({
      where: { ownerId: input.ownerId },
      omit: { webhookSecretEncrypted: false },
    });
    const needsSecret = webhookUrl !== null && !before?.webhookSecretEncrypted;
    const secret = needsSecret ? generateWebhookSecret() : null;
    const data = {
      reminderDays,
      inApp: input.inApp,
      email: input.email,
      webhookUrl,
      // Removing the webhook forgets its secret: a later URL gets a new one, shown then.
      ...(secret ? { webhookSecretEncrypted: sealWebhookSecret(secret, input.ownerId) } : {}),
      ...(webhookUrl === null ? { webhookSecretEncrypted: null } : {}),
    };
    await tx.notificationSettings.upsert({
      where: { ownerId: input.ownerId },
      create: { ownerId: input.ownerId, ...data },
      update: data,
    });
    const urlChanged = (before?.webhookUrl ?? null) !== webhookUrl;
    let skipped = 0;
    if (urlChanged) {
      // What was queued for the old address is not sent to the new one (or anywhere).
      skipped = (
        await tx.webhookDelivery.updateMany({
          where: { notification: { ownerId: input.ownerId }, status: "PENDING", url: { not: webhookUrl ?? "" } },
          data: { status: "SKIPPED", nextAttemptAt: null, lastError: "The webhook URL was changed or removed." },
        })
      ).count;
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "notification_settings.update",
      targetType: "NotificationSettings",
      targetId: input.ownerId,
      before: before
        ? { reminderDays: before.reminderDays, inApp: before.inApp, email: before.email }
        : { defaults: true },
      after: { reminderDays, inApp: input.inApp, email: input.email },
      ip: input.ip,
      at: input.now,
    });
    if (urlChanged) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: WEBHOOK_URL_CHANGE_ACTION,
        targetType: "NotificationSettings",
        targetId: input.ownerId,
        // Paths and queries often hold a token: only the origins are recorded.
        before: { webhook: before?.webhookUrl ? webhookOrigin(before.webhookUrl) : null },
        after: { webhook: webhookUrl ? webhookOrigin(webhookUrl) : null, secretCreated: secret !== null, skipped },
        ip: input.ip,
        at: input.now,
      });
    }
    return secret;
  });
  return { ok: true, settings: await getNotificationSettings(input.ownerId), newWebhookSecret };
}
