import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { sealDeployWebhookSecret } from "@/lib/deploy/deploy-credentials";
import { AppError } from "@/lib/errors";
import { generateWebhookSecret } from "@/lib/notifications/sign-webhook";

/** A new signing secret for one of the owner's deploy webhooks, returned to be shown once; retries are signed with it. */
export async function rotateDeployWebhookSecret(input: {
  ownerId: string;
  targetId: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<{ signingSecret: string }> {
  const signingSecret = generateWebhookSecret();
  await db.$transaction(async (tx) => {
    const updated = await tx.deploymentTarget.updateMany({
      where: { id: input.targetId, ownerId: input.ownerId, kind: "WEBHOOK" },
      data: { webhookSecretEncrypted: sealDeployWebhookSecret(signingSecret, input.targetId) },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "deployment_target.webhook_secret.rotate",
      targetType: "DeploymentTarget",
      targetId: input.targetId,
      ip: input.ip,
      at: input.now,
    });
  });
  return { signingSecret };
}
