// What the notification settings action takes. Only sizes are bounded here: what a person
// typed is checked field by field by checkNotificationSettings, which the form runs too.
// Client-safe (zod/mini).
import * as z from "zod/mini";

export const notificationSettingsInputSchema = z.object({
  reminderDays: z.string().check(z.maxLength(200)),
  inApp: z.boolean(),
  email: z.boolean(),
  webhookUrl: z.string().check(z.maxLength(2000)),
});
