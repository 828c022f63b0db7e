import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { SshDeploymentRecord } from "@/lib/deploy/deployment-contracts";
import { rollBackSshDeployment } from "@/lib/deploy/roll-back-ssh-deployment";
import { appendLogEntry } from "@/lib/deployment-targets/deployment-log";
import { holdTarget, releaseTarget } from "@/lib/deployment-targets/hold-target";
import {
  openTargetCredentials,
  readDeploymentTarget,
  TARGET_SETTINGS_SELECT,
} from "@/lib/deployment-targets/read-deployment-target";
import { VERIFIABLE_STATUSES } from "@/lib/deployment-targets/verify-target-deployment";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type RollBackTargetDeploymentResult =
  | { outcome: "ROLLED_BACK" }
  /** None of the deployed files had a predecessor on the server: they stay. */
  | { outcome: "NOTHING_TO_ROLL_BACK" }
  | { outcome: "FAILED"; failureMessage: string };

/**
 * "Roll back" on the certificate page: puts back the files an SSH deployment kept and
 * reloads, for the target's latest deployment only (a later one replaced what was kept).
 * The target serves the certificate it had before again.
 */
export async function rollBackTargetDeployment(input: {
  ownerId: string;
  deploymentId: string;
  actorId: string;
  ip: string | null;
  now: Date;
  realNow: Date;
}): Promise<RollBackTargetDeploymentResult> {
  const deployment = await db.targetDeployment.findFirst({
    where: { id: input.deploymentId, ownerId: input.ownerId },
    select: {
      id: true,
      status: true,
      attempts: true,
      record: true,
      log: true,
      createdAt: true,
      previousCertificateId: true,
      target: { select: { ...TARGET_SETTINGS_SELECT, credentialsEncrypted: true } },
    },
  });
  if (!deployment) throw new AppError("NOT_FOUND");
  const { target } = deployment;
  const latest = await db.targetDeployment.findFirst({
    where: { targetId: target.id, ownerId: input.ownerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const record = deployment.record as SshDeploymentRecord | null;
  if (
    target.kind !== "SSH" ||
    latest?.id !== deployment.id ||
    !(VERIFIABLE_STATUSES as readonly string[]).includes(deployment.status) ||
    !record?.files?.some((file) => file.backupPath !== null)
  ) {
    throw new AppError("ROLLBACK_NOT_POSSIBLE");
  }
  const settings = readDeploymentTarget(target);
  if (settings.kind !== "SSH") throw new AppError("ROLLBACK_NOT_POSSIBLE");

  const heldUntil = await holdTarget(target.id, input.realNow);
  if (!heldUntil) throw new AppError("DEPLOYMENT_TARGET_BUSY");
  try {
    const rolledBack = await rollBackSshDeployment({
      target: settings.ssh,
      credentials: openTargetCredentials(target),
      record,
    });
    const log = appendLogEntry(deployment.log, {
      action: "rollback",
      attempt: deployment.attempts,
      at: systemNow().toISOString(),
      outcome: rolledBack.status,
      steps: rolledBack.steps,
    }) as unknown as Prisma.InputJsonArray;
    await db.$transaction(async (tx) => {
      if (rolledBack.status === "ROLLED_BACK") {
        await tx.targetDeployment.updateMany({
          where: { id: deployment.id, ownerId: input.ownerId },
          data: { status: "ROLLED_BACK", rolledBackAt: input.now, log, failureReason: null, failureMessage: null },
        });
        await tx.deploymentTarget.updateMany({
          where: { id: target.id, ownerId: input.ownerId },
          data: { certificateId: deployment.previousCertificateId },
        });
      } else if (rolledBack.status === "FAILED") {
        await tx.targetDeployment.updateMany({
          where: { id: deployment.id, ownerId: input.ownerId },
          data: {
            status: "NEEDS_ATTENTION",
            log,
            failureReason: rolledBack.failure.reason,
            failureMessage: `The rollback failed: ${rolledBack.failure.message}`.slice(0, 1_000),
          },
        });
      } else {
        await tx.targetDeployment.updateMany({ where: { id: deployment.id, ownerId: input.ownerId }, data: { log } });
      }
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "deployment.roll_back",
        targetType: "DeploymentTarget",
        targetId: target.id,
        after: { deploymentId: deployment.id, outcome: rolledBack.status },
        ip: input.ip,
        at: input.now,
      });
    });
    if (rolledBack.status === "FAILED") return { outcome: "FAILED", failureMessage: rolledBack.failure.message };
    return { outcome: rolledBack.status };
  } finally {
    await releaseTarget(target.id, heldUntil);
  }
}
