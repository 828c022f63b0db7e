import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Deletes one of the owner's targets with its deployments and their logs; nothing on the
 * server changes. Refused while a deployment to it is under way (its outcome would be lost).
 */
export async function deleteDeploymentTarget(input: {
  ownerId: string;
  targetId: string;
  actorId: string;
  ip: string | null;
  now: Date;
  realNow: Date;
}): Promise<{ deleted: true }> {
  return db.$transaction(async (tx) => {
    const target = await tx.deploymentTarget.findFirst({
      where: { id: input.targetId, ownerId: input.ownerId },
      select: { id: true, name: true, kind: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    // The condition, not the read above, decides: a deployment may take the target meanwhile.
    const deleted = await tx.deploymentTarget.deleteMany({
      where: {
        id: target.id,
        ownerId: input.ownerId,
        OR: [{ busyUntil: null }, { busyUntil: { lte: input.realNow } }],
      },
    });
    if (deleted.count === 0) throw new AppError("DEPLOYMENT_TARGET_BUSY");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "deployment_target.delete",
      targetType: "DeploymentTarget",
      targetId: target.id,
      before: { name: target.name, kind: target.kind },
      ip: input.ip,
      at: input.now,
    });
    return { deleted: true as const };
  });
}
