import "server-only";
import type { DbClient } from "@/lib/db/client";

/** What an installation allows until an administrator sets otherwise (PlatformSettings' default). */
export const DEFAULT_FREE_CERTIFICATE_LIMIT = 50;

/** Free certificates one account may hold at once, as the administrator set it. */
export async function getFreeCertificateLimit(client: DbClient): Promise<number> {
  const settings = await client.platformSettings.findUnique({
    where: { id: "global" },
    select: { freeCertificateLimit: true },
  });
  return settings?.freeCertificateLimit ?? DEFAULT_FREE_CERTIFICATE_LIMIT;
}

/**
 * The owner's free certificates that count against the limit: pending or issued (expired
 * ones included, until they are deleted); canceled and failed ones do not.
 */
export function countHeldFreeCertificates(client: DbClient, ownerId: string): Promise<number> {
  return client.certificate.count({
    where: { ownerId, source: "FREE", status: { notIn: ["CANCELED", "VALIDATION_FAILED"] } },
  });
}
