import "server-only";
import { db } from "@/lib/db/client";
import type { CloudResourceType } from "@/lib/generated/prisma/enums";
import { simulatedResourcesAvailable } from "@/lib/resources/simulated-resources-available";

export type CloudResourceItem = {
  id: string;
  type: CloudResourceType;
  name: string;
  region: string;
  /** The certificate the resource serves now, if any (always one of the owner's). */
  certificate: { id: string; domain: string; alias: string | null; expiresAt: string | null } | null;
};

/** The owner's cloud resources, optionally only those bound to one certificate; by type, then name. */
export async function listCloudResources(
  ownerId: string,
  options: { certificateId?: string } = {},
): Promise<CloudResourceItem[]> {
  if (!simulatedResourcesAvailable()) return [];
  const rows = await db.cloudResource.findMany({
    where: { ownerId, ...(options.certificateId ? { certificateId: options.certificateId } : {}) },
    orderBy: [{ type: "asc" }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      type: true,
      name: true,
      region: true,
      certificate: { select: { id: true, domain: true, alias: true, expiresAt: true, ownerId: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    name: row.name,
    region: row.region,
    // A resource can only ever be bound to its owner's certificates; checked anyway.
    certificate:
      row.certificate && row.certificate.ownerId === ownerId
        ? {
            id: row.certificate.id,
            domain: row.certificate.domain,
            alias: row.certificate.alias,
            expiresAt: row.certificate.expiresAt?.toISOString() ?? null,
          }
        : null,
  }));
}
