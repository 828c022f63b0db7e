import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { checkWebhookTargetInput } from "@/lib/deployment-targets/check-webhook-target-input";
import type { WebhookTargetInput } from "@/lib/deployment-targets/deployment-target-input";
import type { SaveTargetResult } from "@/lib/deployment-targets/save-target-result";
import { webhookTargetAuditView } from "@/lib/deployment-targets/target-audit-view";
import { AppError } from "@/lib/errors";

/** Changes one of the owner's deploy webhooks; its signing secret stays (rotate it apart). */
export async function updateWebhookTarget(input: {
  ownerId: string;
  targetId: string;
  target: WebhookTargetInput;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<SaveTargetResult> {
  const existing = await db.deploymentTarget.findFirst({
    where: { id: input.targetId, ownerId: input.ownerId, kind: "WEBHOOK" },
    select: { id: true },
  });
  if (!existing) throw new AppError("NOT_FOUND");
  const problems = await checkWebhookTargetInput(input.target);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  await db.$transaction(async (tx) => {
    const updated = await tx.deploymentTarget.updateMany({
      where: { id: existing.id, ownerId: input.ownerId },
      data: {
        name: input.target.name,
        webhookUrl: input.target.url,
        includePrivateKey: input.target.includePrivateKey,
        endpoints: input.target.endpoints,
      },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND");
    // The change may be the fix a waiting retry needs.
    await tx.targetDeployment.updateMany({
      where: { targetId: existing.id, ownerId: input.ownerId, status: "PENDING" },
      data: { nextAttemptAt: systemNow() },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "deployment_target.update",
      targetType: "DeploymentTarget",
      targetId: existing.id,
      after: webhookTargetAuditView(input.target.name, input.target, input.target.endpoints),
      ip: input.ip,
      at: input.now,
    });
  });
  return { ok: true, targetId: existing.id };
}
