import "server-only";
import { db } from "@/lib/db/client";
import type { DeploymentVerification } from "@/lib/deploy/deployment-contracts";
import { verifyDeployment } from "@/lib/deploy/verify-deployment";
import { deploymentNoticeRow } from "@/lib/deployment-targets/deployment-notice-row";
import { describeNotServing } from "@/lib/deployment-targets/plan-deployment-outcome";
import { readDeploymentTarget, TARGET_SETTINGS_SELECT } from "@/lib/deployment-targets/read-deployment-target";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A deployment whose certificate is (or may be) in place: what Verify re-checks. */
export const VERIFIABLE_STATUSES = ["DEPLOYED", "NEEDS_ATTENTION"] as const;

/** Quick by default: the button shows what is served now; the job's re-checks wait no longer. */
const RECHECK_SETTLE_MS = 1_000;

/**
 * Checks again what the target's endpoints serve for a deployment that put its certificate
 * in place ("Verify" on the certificate page; the renewal job's re-checks). `ownerId`
 * scopes the lookup for a customer; the job passes null. When an automatic deployment
 * found "not serving" serves now, its customer is told (once).
 */
export async function verifyTargetDeployment(input: {
  ownerId: string | null;
  deploymentId: string;
  now: Date;
  settleMs?: number;
}): Promise<{ verification: DeploymentVerification }> {
  const deployment = await db.targetDeployment.findFirst({
    where: { id: input.deploymentId, ...(input.ownerId ? { ownerId: input.ownerId } : {}) },
    select: {
      id: true,
      ownerId: true,
      status: true,
      trigger: true,
      certificateId: true,
      verificationStatus: true,
      certificate: { select: { domain: true, certificatePem: true, chainPem: true } },
      target: { select: TARGET_SETTINGS_SELECT },
    },
  });
  if (!deployment) throw new AppError("NOT_FOUND");
  const { endpoints } = readDeploymentTarget(deployment.target);
  const { certificatePem } = deployment.certificate;
  if (
    !(VERIFIABLE_STATUSES as readonly string[]).includes(deployment.status) ||
    endpoints.length === 0 ||
    !certificatePem
  ) {
    throw new AppError("VERIFICATION_NOT_POSSIBLE");
  }
  const verification = await verifyDeployment({
    // Verification compares certificates only: the key stays sealed.
    bundle: { certificatePem, chainPem: deployment.certificate.chainPem ?? "", privateKeyPem: "" },
    endpoints,
    settleMs: input.settleMs ?? RECHECK_SETTLE_MS,
  });
  const serving = verification.status === "SERVING";
  await db.$transaction(async (tx) => {
    await tx.targetDeployment.updateMany({
      where: { id: deployment.id, ownerId: deployment.ownerId, status: { in: [...VERIFIABLE_STATUSES] } },
      data: {
        verification: verification as unknown as Prisma.InputJsonObject,
        verificationStatus: verification.status,
        verifiedAt: input.now,
        ...(deployment.status === "DEPLOYED"
          ? serving
            ? { failureReason: null, failureMessage: null }
            : { failureReason: "NOT_SERVING", failureMessage: describeNotServing(verification) }
          : {}),
      },
    });
    if (serving && deployment.status === "DEPLOYED" && deployment.trigger === "RENEWAL") {
      await tx.notification.createMany({
        data: [
          deploymentNoticeRow({
            notice: { kind: "CERTIFICATE_DEPLOYED", dedupeKey: `deploy:${deployment.id}:serving`, retryAt: null },
            ownerId: deployment.ownerId,
            deploymentId: deployment.id,
            certificateId: deployment.certificateId,
            domain: deployment.certificate.domain,
            targetId: deployment.target.id,
            targetName: deployment.target.name,
            status: "DEPLOYED",
            failure: null,
            verification,
            now: input.now,
          }),
        ],
        skipDuplicates: true,
      });
    }
  });
  return { verification };
}
