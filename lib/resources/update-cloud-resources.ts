import "server-only";
import { sql } from "kysely";
import { recordAudit } from "@/lib/audit/record-audit";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";
import type { CloudResourceType } from "@/lib/generated/prisma/enums";
import { randomId } from "@/lib/ids";
import { uncoveredHosts } from "@/lib/resources/certificate-covers-host";
import { simulatedResourcesAvailable } from "@/lib/resources/simulated-resources-available";

export const MAX_RESOURCES_PER_UPDATE = 100;

export type ResourceUpdateOutcome = "DEPLOYED" | "ALREADY_DEPLOYED" | "NOT_COVERED";

export type ResourceUpdateResult = {
  resourceId: string;
  type: CloudResourceType;
  name: string;
  region: string;
  fromCertificateId: string | null;
  outcome: ResourceUpdateOutcome;
  /** For NOT_COVERED: the host names the certificate does not cover. */
  uncoveredHosts: string[];
};

/** Why nothing was deployed: the target cannot be served right now. */
export type ResourceUpdateRefusal = "TARGET_NOT_ISSUED" | "TARGET_EXPIRED";

export type UpdateCloudResourcesResult =
  | { ok: true; results: ResourceUpdateResult[]; deployed: number; failed: number }
  | { ok: false; reason: ResourceUpdateRefusal };

export type UpdateCloudResourcesInput = {
  ownerId: string;
  targetCertificateId: string;
  resourceIds: readonly string[];
  /** Who asked; null for the system. */
  actorId: string | null;
  ip?: string | null;
  now: Date;
};

/**
 * Binds the chosen resources to one of the owner's issued, unexpired certificates and
 * records a deployment per resource (from, to, who, result), an audit entry and a
 * notice, all in one transaction. Every resource must be the owner's: one foreign or
 * unknown id refuses the whole request (NOT_FOUND), so nothing is half-done. A resource
 * named like a host the certificate does not cover is not rebound; that deployment is
 * recorded as FAILED with the uncovered names as its message.
 */
export async function updateCloudResources(input: UpdateCloudResourcesInput): Promise<UpdateCloudResourcesResult> {
  if (!simulatedResourcesAvailable()) throw new AppError("NOT_FOUND");
  const resourceIds = [...new Set(input.resourceIds)];
  if (resourceIds.length === 0 || resourceIds.length > MAX_RESOURCES_PER_UPDATE) {
    throw new AppError("INVALID_INPUT");
  }
  return db.$transaction(async (tx) => {
    const target = await tx.certificate.findFirst({
      where: { id: input.targetCertificateId, ...ownedCertificateWhere(input.ownerId) },
      select: { id: true, domain: true, sans: true, status: true, expiresAt: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    if (target.status !== "ISSUED") return { ok: false, reason: "TARGET_NOT_ISSUED" };
    if (!target.expiresAt || target.expiresAt.getTime() <= input.now.getTime()) {
      return { ok: false, reason: "TARGET_EXPIRED" };
    }

    // Locked so that two updates of the same resources cannot interleave their history.
    const locked = await queryRows(
      tx,
      sqlBuilder
        .selectFrom("CloudResource")
        .select("id")
        .where("ownerId", "=", input.ownerId)
        .where("id", "=", sql<string>`ANY(${resourceIds}::text[])`)
        .orderBy("id")
        .forUpdate(),
    );
    if (locked.length !== resourceIds.length) throw new AppError("NOT_FOUND");
    const resources = await tx.cloudResource.findMany({
      where: { ownerId: input.ownerId, id: { in: resourceIds } },
      orderBy: [{ type: "asc" }, { name: "asc" }, { id: "asc" }],
      select: { id: true, type: true, name: true, region: true, certificateId: true },
    });

    const names = [target.domain, ...target.sans];
    const results: ResourceUpdateResult[] = resources.map((resource) => {
      const missing = uncoveredHosts(names, resource.name);
      return {
        resourceId: resource.id,
        type: resource.type,
        name: resource.name,
        region: resource.region,
        fromCertificateId: resource.certificateId,
        outcome:
          resource.certificateId === target.id ? "ALREADY_DEPLOYED" : missing.length > 0 ? "NOT_COVERED" : "DEPLOYED",
        uncoveredHosts: missing,
      };
    });

    const deployed = results.filter((result) => result.outcome === "DEPLOYED");
    const failed = results.filter((result) => result.outcome === "NOT_COVERED");
    if (deployed.length > 0) {
      await tx.cloudResource.updateMany({
        where: { ownerId: input.ownerId, id: { in: deployed.map((result) => result.resourceId) } },
        data: { certificateId: target.id },
      });
    }
    if (deployed.length + failed.length > 0) {
      await tx.deployment.createMany({
        data: [...deployed, ...failed].map((result) => ({
          resourceId: result.resourceId,
          fromCertificateId: result.fromCertificateId,
          toCertificateId: target.id,
          actorId: input.actorId,
          result: result.outcome === "DEPLOYED" ? ("SUCCEEDED" as const) : ("FAILED" as const),
          // For a failed deployment: the host names the certificate does not cover.
          message: result.outcome === "NOT_COVERED" ? result.uncoveredHosts.join(", ").slice(0, 500) : null,
          createdAt: input.now,
        })),
      });
    }
    if (deployed.length > 0) {
      // The customer saw the outcome in the dialog: the notice is for the record and for
      // webhook consumers, so it is born read and is not e-mailed.
      await tx.notification.create({
        data: {
          ownerId: input.ownerId,
          kind: "RESOURCES_UPDATED",
          certificateId: target.id,
          dedupeKey: `resources:${target.id}:${randomId(16)}`,
          params: { domain: target.domain, certificateId: target.id, count: deployed.length },
          readAt: input.now,
          emailStatus: "SKIPPED",
          createdAt: input.now,
        },
      });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.resources.update",
      targetType: "Certificate",
      targetId: target.id,
      after: {
        resources: results.map((result) => ({
          id: result.resourceId,
          name: result.name,
          from: result.fromCertificateId,
          outcome: result.outcome,
        })),
      },
      ip: input.ip ?? null,
      at: input.now,
    });
    return { ok: true, results, deployed: deployed.length, failed: failed.length };
  });
}
