import "server-only";
import { db } from "@/lib/db/client";
import { DEFAULT_REMINDER_DAYS } from "@/lib/notifications/plan-notices";

export type NotificationSettingsView = {
  reminderDays: number[];
  inApp: boolean;
  email: boolean;
  webhookUrl: string | null;
  /** Whether a signing secret exists; the secret itself is shown only when it is made. */
  hasWebhookSecret: boolean;
};

/** The owner's notification settings, or the defaults when never saved. */
export async function getNotificationSettings(ownerId: string): Promise<NotificationSettingsView> {
  const settings = await db.notificationSettings.findUnique({
    where: { ownerId },
    select: { reminderDays: true, inApp: true, email: true, webhookUrl: true, webhookSecretEncrypted: true },
  });
  if (!settings) {
    return {
      reminderDays: [...DEFAULT_REMINDER_DAYS],
      inApp: true,
      email: true,
      webhookUrl: null,
      hasWebhookSecret: false,
    };
  }
  return {
    reminderDays: [...settings.reminderDays].sort((a, b) => b - a),
    inApp: settings.inApp,
    email: settings.email,
    webhookUrl: settings.webhookUrl,
    hasWebhookSecret: settings.webhookSecretEncrypted !== null,
  };
}
