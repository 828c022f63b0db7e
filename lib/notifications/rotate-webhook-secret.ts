import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { generateWebhookSecret } from "@/lib/notifications/sign-webhook";
import { sealWebhookSecret } from "@/lib/notifications/webhook-secret";

/**
 * Replaces the owner's webhook signing secret and returns the new one, to be shown once.
 * Deliveries from now on (retries included) are signed with it. Needs a webhook URL.
 */
export async function rotateWebhookSecret(input: {
  ownerId: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<{ secret: string }> {
  const secret = generateWebhookSecret();
  await db.$transaction(async (tx) => {
    const updated = await tx.notificationSettings.updateMany({
      where: { ownerId: input.ownerId, webhookUrl: { not: null } },
      data: { webhookSecretEncrypted: sealWebhookSecret(secret, input.ownerId) },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "notification_settings.webhook_secret.rotate",
      targetType: "NotificationSettings",
      targetId: input.ownerId,
      ip: input.ip,
      at: input.now,
    });
  });
  return { secret };
}
