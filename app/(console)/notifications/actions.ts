"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { notificationSettingsInputSchema } from "@/lib/notifications/notification-settings-input";
import { rotateWebhookSecret } from "@/lib/notifications/rotate-webhook-secret";
import { updateNotificationSettings } from "@/lib/notifications/update-notification-settings";

export const markNotificationsReadAction = authedAction(
  z.object({ ids: z.union([z.literal("all"), z.array(z.string().min(1).max(64)).max(200)]) }),
  { name: "markNotificationsRead" },
  ({ ids }, { user, now }) => markNotificationsRead(user.id, ids, now),
);

// Field problems (reminder days, webhook URL) come back as typed data for the form to
// translate (checkNotificationSettings, which the form also runs before it sends); the
// schema only bounds the sizes.
export const updateNotificationSettingsAction = authedAction(
  notificationSettingsInputSchema,
  { name: "updateNotificationSettings" },
  (input, { user, ip, now }) => updateNotificationSettings({ ...input, ownerId: user.id, actorId: user.id, ip, now }),
);

export const rotateWebhookSecretAction = authedAction(
  z.object({}),
  { name: "rotateWebhookSecret" },
  (_input, { user, ip, now }) => rotateWebhookSecret({ ownerId: user.id, actorId: user.id, ip, now }),
);
