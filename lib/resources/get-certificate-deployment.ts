import "server-only";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import type { CloudResourceType, DeploymentResult } from "@/lib/generated/prisma/enums";
import { countResourcesByCertificate } from "@/lib/resources/count-resources-by-certificate";
import { simulatedResourcesAvailable } from "@/lib/resources/simulated-resources-available";

const HISTORY_LIMIT = 50;

/** What can be downloaded: everything, the certificate without its key (uploaded without one), or nothing. */
export type DownloadAvailability = "FULL" | "CERTIFICATE_ONLY" | "NONE";

export type DeploymentEntry = {
  id: string;
  resource: { id: string; type: CloudResourceType; name: string; region: string };
  fromCertificateId: string | null;
  toCertificateId: string;
  /** "to": deployed onto this certificate; "from": moved from this one to another. */
  direction: "to" | "from";
  /** "automatic" when the update after renewal did it; null when the account is gone. */
  actor: "automatic" | { id: string; name: string } | null;
  result: DeploymentResult;
  /** For a failed deployment: the host names the certificate does not cover. */
  uncoveredHosts: string | null;
  createdAt: string;
};

export type CertificateDeployment = {
  certificateId: string;
  domain: string;
  /** Issued and not expired: it can be deployed to resources. */
  deployable: boolean;
  resourceCount: number;
  /**
   * The certificate this one renewed or reissued (revoked once the reissue was issued), with how
   * many of the owner's resources still use it.
   */
  predecessor: { id: string; domain: string; resourceCount: number; kind: "RENEWAL" | "REISSUE" } | null;
  /** An issued renewal or reissue whose predecessor still has resources: the console prompts "Update to cloud resources". */
  updatePrompt: boolean;
  /** The simulated cloud resources are offered (DEMO_MODE only). */
  simulatedResources: boolean;
  autoUpdateResources: boolean;
  ignoreNotifications: boolean;
  download: DownloadAvailability;
  deployments: DeploymentEntry[];
};

/** Deployment facts and history of one of the owner's certificates; null for anyone else's. */
export async function getCertificateDeployment(
  ownerId: string,
  certificateId: string,
  now: Date,
): Promise<CertificateDeployment | null> {
  const certificate = await db.certificate.findFirst({
    where: { id: certificateId, ...ownedCertificateWhere(ownerId) },
    select: {
      id: true,
      domain: true,
      status: true,
      expiresAt: true,
      autoUpdateResources: true,
      ignoreNotifications: true,
      certificatePem: true,
      privateKeyEncrypted: true,
      renews: { select: { id: true, ownerId: true, domain: true } },
      reissues: { select: { id: true, ownerId: true, domain: true } },
    },
  });
  if (!certificate) return null;

  const replaced = certificate.renews
    ? { ...certificate.renews, kind: "RENEWAL" as const }
    : certificate.reissues
      ? { ...certificate.reissues, kind: "REISSUE" as const }
      : null;
  const ownPredecessor = replaced?.ownerId === ownerId ? replaced : null;
  const [resourceCounts, deployments] = await Promise.all([
    countResourcesByCertificate(ownPredecessor ? [certificate.id, ownPredecessor.id] : [certificate.id], { ownerId }),
    db.deployment.findMany({
      where: {
        resource: { ownerId },
        OR: [{ toCertificateId: certificate.id }, { fromCertificateId: certificate.id }],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        fromCertificateId: true,
        toCertificateId: true,
        actorId: true,
        result: true,
        message: true,
        createdAt: true,
        resource: { select: { id: true, type: true, name: true, region: true } },
      },
    }),
  ]);
  const actorIds = [...new Set(deployments.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  // Deployments of the owner's resources are made by the owner (or the system); names are looked up only for those.
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((user) => [
      user.id,
      user,
    ]),
  );

  const simulated = simulatedResourcesAvailable();
  const deployable =
    certificate.status === "ISSUED" &&
    certificate.expiresAt !== null &&
    certificate.expiresAt.getTime() > now.getTime();
  const predecessor = ownPredecessor
    ? {
        id: ownPredecessor.id,
        domain: ownPredecessor.domain,
        resourceCount: resourceCounts.get(ownPredecessor.id) ?? 0,
        kind: ownPredecessor.kind,
      }
    : null;
  return {
    certificateId: certificate.id,
    domain: certificate.domain,
    deployable,
    resourceCount: resourceCounts.get(certificate.id) ?? 0,
    predecessor,
    updatePrompt: simulated && deployable && (predecessor?.resourceCount ?? 0) > 0,
    simulatedResources: simulated,
    autoUpdateResources: certificate.autoUpdateResources,
    ignoreNotifications: certificate.ignoreNotifications,
    download: !certificate.certificatePem ? "NONE" : certificate.privateKeyEncrypted ? "FULL" : "CERTIFICATE_ONLY",
    deployments: deployments.map((row) => ({
      id: row.id,
      resource: row.resource,
      fromCertificateId: row.fromCertificateId,
      toCertificateId: row.toCertificateId,
      direction: row.toCertificateId === certificate.id ? "to" : "from",
      actor: row.actorId === null ? "automatic" : (actors.get(row.actorId) ?? null),
      result: row.result,
      uncoveredHosts: row.result === "FAILED" ? row.message : null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
