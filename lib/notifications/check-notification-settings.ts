// The one check of what a person typed into the notification settings (reminder days, the
// webhook URL's shape). The form runs it before it sends; updateNotificationSettings runs it
// again, then checks the webhook's addresses, which only the server can. Pure and
// client-safe (no zod: the settings page loads it at once).
import { parseReminderDays, type ReminderDaysProblem } from "@/lib/notifications/reminder-days";
import { checkWebhookUrl, type WebhookUrlProblem } from "@/lib/notifications/webhook-url";

export type NotificationSettingsFieldErrors = {
  reminderDays?: { problem: ReminderDaysProblem; value?: string; count?: number };
  webhookUrl?: { problem: WebhookUrlProblem };
};

export type CheckedNotificationSettings =
  | { ok: true; reminderDays: number[]; webhookUrl: URL | null }
  | { ok: false; fieldErrors: NotificationSettingsFieldErrors };

/** The reminder days and webhook URL as typed: parsed, or every field's problem. An empty URL means no webhook. */
export function checkNotificationSettings(input: {
  reminderDays: string;
  webhookUrl: string;
}): CheckedNotificationSettings {
  const fieldErrors: NotificationSettingsFieldErrors = {};
  const days = parseReminderDays(input.reminderDays);
  if (!days.ok) fieldErrors.reminderDays = { problem: days.problem, value: days.value, count: days.count };
  const url = input.webhookUrl.trim() === "" ? null : checkWebhookUrl(input.webhookUrl);
  if (url && !url.ok) fieldErrors.webhookUrl = { problem: url.problem };
  if (!days.ok || (url && !url.ok)) return { ok: false, fieldErrors };
  return { ok: true, reminderDays: days.days, webhookUrl: url?.url ?? null };
}
