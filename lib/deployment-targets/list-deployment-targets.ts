import "server-only";
import { db } from "@/lib/db/client";
import {
  type DeploymentSummary,
  type DeploymentTargetView,
  toDeploymentSummary,
  toDeploymentTargetView,
} from "@/lib/deployment-targets/deployment-views";
import { readDeploymentTarget, TARGET_SETTINGS_SELECT } from "@/lib/deployment-targets/read-deployment-target";

export const MAX_LISTED_TARGETS = 200;

export type DeploymentTargetItem = DeploymentTargetView & {
  /** The target's latest deployment (of any certificate): its outcome and verification. */
  lastDeployment: DeploymentSummary | null;
};

export const DEPLOYMENT_SUMMARY_SELECT = {
  id: true,
  certificateId: true,
  trigger: true,
  status: true,
  verificationStatus: true,
  verifiedAt: true,
  failureReason: true,
  failureMessage: true,
  nextAttemptAt: true,
  attempts: true,
  createdAt: true,
  finishedAt: true,
  certificate: { select: { domain: true } },
} as const;

/** The owner's deployment targets (an administrator passes the customer's id), newest first. */
export async function listDeploymentTargets(ownerId: string): Promise<DeploymentTargetItem[]> {
  const rows = await db.deploymentTarget.findMany({
    where: { ownerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED_TARGETS,
    select: {
      ...TARGET_SETTINGS_SELECT,
      certificate: { select: { id: true, domain: true, ownerId: true } },
      deployments: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: DEPLOYMENT_SUMMARY_SELECT,
      },
    },
  });
  return rows.map((row) => {
    const [last] = row.deployments;
    // A target can only ever serve its owner's certificates; checked anyway.
    const certificate =
      row.certificate && row.certificate.ownerId === ownerId
        ? { id: row.certificate.id, domain: row.certificate.domain }
        : null;
    return {
      ...toDeploymentTargetView({ ...row, certificate }, readDeploymentTarget(row), row.name),
      lastDeployment: last ? toDeploymentSummary(last) : null,
    };
  });
}
