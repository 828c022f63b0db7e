import "server-only";
import { db } from "@/lib/db/client";
import {
  type DeploymentDetail,
  type DeploymentTargetView,
  toDeploymentDetail,
  toDeploymentTargetView,
} from "@/lib/deployment-targets/deployment-views";
import { DEPLOYMENT_SUMMARY_SELECT, MAX_LISTED_TARGETS } from "@/lib/deployment-targets/list-deployment-targets";
import { isDeployable } from "@/lib/deployment-targets/load-certificate-bundle";
import { readDeploymentTarget, TARGET_SETTINGS_SELECT } from "@/lib/deployment-targets/read-deployment-target";

export type CertificateTargetEntry = {
  target: DeploymentTargetView & {
    /** The target serves this certificate, the one it renewed, or another. */
    serves: "THIS" | "PREDECESSOR" | "OTHER" | "NONE";
  };
  /** The latest deployment of this certificate to the target. */
  deployment: DeploymentDetail | null;
};

export type CertificateTargetDeployments = {
  certificateId: string;
  deployable: boolean;
  /** SSH targets need the key; a certificate without one (a CSR's) can go to webhooks only. */
  hasPrivateKey: boolean;
  /** The certificate this one renewed (its targets are the ones to move). */
  predecessorId: string | null;
  autoDeploy: boolean;
  entries: CertificateTargetEntry[];
};

/** The certificate page's "Deployment targets": every target of the owner's, with this certificate's latest deployment to it; null for anyone else's certificate. */
export async function getCertificateTargetDeployments(
  ownerId: string,
  certificateId: string,
  now: Date,
): Promise<CertificateTargetDeployments | null> {
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, ownerId },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      certificatePem: true,
      privateKeyEncrypted: true,
      autoUpdateResources: true,
      renews: { select: { id: true, ownerId: true } },
    },
  });
  if (!certificate) return null;
  const predecessorId = certificate.renews?.ownerId === ownerId ? certificate.renews.id : null;
  const targets = await db.deploymentTarget.findMany({
    where: { ownerId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_LISTED_TARGETS,
    select: {
      ...TARGET_SETTINGS_SELECT,
      certificate: { select: { id: true, domain: true, ownerId: true } },
      deployments: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true },
      },
    },
  });
  const latest = await db.targetDeployment.findMany({
    where: { ownerId, certificateId: certificate.id, targetId: { in: targets.map((target) => target.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["targetId"],
    select: {
      ...DEPLOYMENT_SUMMARY_SELECT,
      targetId: true,
      log: true,
      verification: true,
      record: true,
      rolledBackAt: true,
    },
  });
  const byTarget = new Map(latest.map((row) => [row.targetId, row]));
  return {
    certificateId: certificate.id,
    deployable: isDeployable(certificate, now),
    hasPrivateKey: certificate.privateKeyEncrypted !== null,
    predecessorId,
    autoDeploy: certificate.autoUpdateResources,
    entries: targets.map((row) => {
      const read = readDeploymentTarget(row);
      const served = row.certificate?.ownerId === ownerId ? row.certificate : null;
      const deployment = byTarget.get(row.id);
      return {
        target: {
          ...toDeploymentTargetView(
            { ...row, certificate: served ? { id: served.id, domain: served.domain } : null },
            read,
            row.name,
          ),
          serves: !served
            ? "NONE"
            : served.id === certificate.id
              ? "THIS"
              : served.id === predecessorId
                ? "PREDECESSOR"
                : "OTHER",
        },
        deployment: deployment
          ? toDeploymentDetail(deployment, { target: read, latestOnTarget: row.deployments[0]?.id === deployment.id })
          : null,
      };
    }),
  };
}
