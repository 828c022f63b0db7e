import "server-only";
import { db } from "@/lib/db/client";
import {
  type DeploymentSummary,
  type DeploymentTargetView,
  toDeploymentSummary,
  toDeploymentTargetView,
} from "@/lib/deployment-targets/deployment-views";
import { DEPLOYMENT_SUMMARY_SELECT } from "@/lib/deployment-targets/list-deployment-targets";
import { readDeploymentTarget, TARGET_SETTINGS_SELECT } from "@/lib/deployment-targets/read-deployment-target";

const RECENT_DEPLOYMENTS = 20;

export type DeploymentTargetDetail = DeploymentTargetView & { deployments: DeploymentSummary[] };

/** One of the owner's targets for its page (settings to edit, never secrets) with its recent deployments; null for anyone else's. */
export async function getDeploymentTarget(ownerId: string, targetId: string): Promise<DeploymentTargetDetail | null> {
  const row = await db.deploymentTarget.findFirst({
    where: { id: targetId, ownerId },
    select: {
      ...TARGET_SETTINGS_SELECT,
      certificate: { select: { id: true, domain: true, ownerId: true } },
      deployments: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: RECENT_DEPLOYMENTS,
        select: DEPLOYMENT_SUMMARY_SELECT,
      },
    },
  });
  if (!row) return null;
  const certificate =
    row.certificate && row.certificate.ownerId === ownerId
      ? { id: row.certificate.id, domain: row.certificate.domain }
      : null;
  return {
    ...toDeploymentTargetView({ ...row, certificate }, readDeploymentTarget(row), row.name),
    deployments: row.deployments.map(toDeploymentSummary),
  };
}
