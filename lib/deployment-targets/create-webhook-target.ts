import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { sealDeployWebhookSecret } from "@/lib/deploy/deploy-credentials";
import { checkWebhookTargetInput } from "@/lib/deployment-targets/check-webhook-target-input";
import type { WebhookTargetInput } from "@/lib/deployment-targets/deployment-target-input";
import { newDeploymentTargetId } from "@/lib/deployment-targets/new-deployment-target-id";
import type { CreateWebhookTargetResult } from "@/lib/deployment-targets/save-target-result";
import { webhookTargetAuditView } from "@/lib/deployment-targets/target-audit-view";
import { generateWebhookSecret } from "@/lib/notifications/sign-webhook";

/**
 * Adds one of the owner's deploy webhooks with a new signing secret (whsec_…), sealed bound
 * to the target and returned this once, for the customer to give their receiver.
 */
export async function createWebhookTarget(input: {
  ownerId: string;
  target: WebhookTargetInput;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<CreateWebhookTargetResult> {
  const problems = await checkWebhookTargetInput(input.target);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const id = newDeploymentTargetId();
  const signingSecret = generateWebhookSecret();
  await db.$transaction(async (tx) => {
    await tx.deploymentTarget.create({
      data: {
        id,
        ownerId: input.ownerId,
        kind: "WEBHOOK",
        name: input.target.name,
        webhookUrl: input.target.url,
        includePrivateKey: input.target.includePrivateKey,
        webhookSecretEncrypted: sealDeployWebhookSecret(signingSecret, id),
        endpoints: input.target.endpoints,
        // A webhook cannot put files back: what a failed verification calls for is the receiver's business.
        autoRollback: false,
        createdAt: input.now,
      },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "deployment_target.create",
      targetType: "DeploymentTarget",
      targetId: id,
      after: webhookTargetAuditView(input.target.name, input.target, input.target.endpoints),
      ip: input.ip,
      at: input.now,
    });
  });
  return { ok: true, targetId: id, signingSecret };
}
