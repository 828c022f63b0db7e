import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { attemptTargetDeployment } from "@/lib/deployment-targets/attempt-target-deployment";
import { MAX_TARGETS_PER_DEPLOYMENT } from "@/lib/deployment-targets/deployment-target-input";
import { TARGET_HOLD_MS } from "@/lib/deployment-targets/hold-target";
import { isDeployable } from "@/lib/deployment-targets/load-certificate-bundle";
import type { DeploymentFailureReason } from "@/lib/deployment-targets/plan-deployment-outcome";
import { AppError } from "@/lib/errors";
import type { DeploymentVerificationStatus, TargetDeploymentStatus } from "@/lib/generated/prisma/enums";

export type TargetDeployResult = {
  targetId: string;
  targetName: string;
  /** null: nothing was started (BUSY). */
  deploymentId: string | null;
  outcome: TargetDeploymentStatus | "BUSY";
  verificationStatus: DeploymentVerificationStatus | null;
  failureReason: DeploymentFailureReason | null;
  failureMessage: string | null;
};

/**
 * "Deploy" on the certificate page: deploys one of the owner's deployable certificates to
 * the chosen targets of theirs, all at once (different servers), and answers with each
 * outcome once it is known (deployed and verified, rolled back, failed...). One target
 * that is not the owner's refuses the whole request before anything starts. A manual
 * deployment is not retried: the customer sees its outcome and can deploy again.
 */
export async function deployCertificateToTargets(input: {
  ownerId: string;
  certificateId: string;
  targetIds: readonly string[];
  actorId: string;
  ip: string | null;
  now: Date;
  realNow: Date;
  settleMs?: number;
}): Promise<{ results: TargetDeployResult[] }> {
  const targetIds = [...new Set(input.targetIds)];
  if (targetIds.length === 0 || targetIds.length > MAX_TARGETS_PER_DEPLOYMENT) throw new AppError("INVALID_INPUT");
  const [certificate, targets] = await Promise.all([
    db.certificate.findFirst({
      where: { id: input.certificateId, ownerId: input.ownerId },
      select: { id: true, status: true, certificatePem: true, expiresAt: true },
    }),
    db.deploymentTarget.findMany({
      where: { id: { in: targetIds }, ownerId: input.ownerId },
      select: { id: true, name: true, certificateId: true },
      orderBy: { name: "asc" },
    }),
  ]);
  if (!certificate || targets.length !== targetIds.length) throw new AppError("NOT_FOUND");
  if (!isDeployable(certificate, input.now)) throw new AppError("CERTIFICATE_NOT_DEPLOYABLE");

  const results = await Promise.all(
    targets.map(async (target): Promise<TargetDeployResult> => {
      const deployment = await db.targetDeployment.create({
        data: {
          ownerId: input.ownerId,
          targetId: target.id,
          certificateId: certificate.id,
          previousCertificateId: target.certificateId !== certificate.id ? target.certificateId : null,
          trigger: "MANUAL",
          actorId: input.actorId,
          status: "RUNNING",
          attempts: 1,
          // Until then the attempt is this request's; after, the job closes it as interrupted.
          nextAttemptAt: new Date(input.realNow.getTime() + TARGET_HOLD_MS),
          createdAt: input.now,
        },
        select: { id: true },
      });
      const attempted = await attemptTargetDeployment({
        deploymentId: deployment.id,
        now: input.now,
        realNow: input.realNow,
        settleMs: input.settleMs,
      });
      if (attempted.busy) {
        // Never started: no trace of it but the answer.
        await db.targetDeployment.deleteMany({ where: { id: deployment.id, ownerId: input.ownerId } });
        return {
          targetId: target.id,
          targetName: target.name,
          deploymentId: null,
          outcome: "BUSY",
          verificationStatus: null,
          failureReason: null,
          failureMessage: null,
        };
      }
      return {
        targetId: target.id,
        targetName: target.name,
        deploymentId: deployment.id,
        outcome: attempted.status,
        verificationStatus: attempted.verificationStatus,
        failureReason: attempted.failure?.reason ?? null,
        failureMessage: attempted.failure?.message ?? null,
      };
    }),
  );
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.deploy",
      targetType: "Certificate",
      targetId: certificate.id,
      after: {
        targets: results.map((result) => ({
          id: result.targetId,
          deploymentId: result.deploymentId,
          outcome: result.outcome,
          verification: result.verificationStatus,
          reason: result.failureReason,
        })),
      },
      ip: input.ip,
      at: input.now,
    }),
  );
  return { results };
}
