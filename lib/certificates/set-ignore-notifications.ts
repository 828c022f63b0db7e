import "server-only";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** As the original API (ModifyCertificatesExpiringNotificationSwitch): up to 50 certificates per call. */
export const MAX_IGNORE_NOTIFICATIONS_BATCH = 50;

/**
 * Ignores (or stops ignoring) expiry notifications for some of the owner's certificates.
 * All or nothing: one id that is not the owner's refuses the whole call. Each changed
 * certificate gets its audit entry.
 */
export async function setIgnoreNotifications(input: {
  ownerId: string;
  certificateIds: readonly string[];
  ignore: boolean;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<{ changed: number }> {
  const ids = [...new Set(input.certificateIds)];
  if (ids.length === 0 || ids.length > MAX_IGNORE_NOTIFICATIONS_BATCH) throw new AppError("INVALID_INPUT");
  return db.$transaction(async (tx) => {
    const owned = await tx.certificate.findMany({
      where: { ...ownedCertificateWhere(input.ownerId), id: { in: ids } },
      select: { id: true, ignoreNotifications: true },
    });
    if (owned.length !== ids.length) throw new AppError("NOT_FOUND");
    const changing = owned.filter((certificate) => certificate.ignoreNotifications !== input.ignore);
    if (changing.length === 0) return { changed: 0 };
    await tx.certificate.updateMany({
      where: { ownerId: input.ownerId, id: { in: changing.map((certificate) => certificate.id) } },
      data: { ignoreNotifications: input.ignore },
    });
    await tx.auditLog.createMany({
      data: changing.map((certificate) => ({
        actorId: input.actorId,
        action: input.ignore ? "certificate.notifications.ignore" : "certificate.notifications.unignore",
        targetType: "Certificate",
        targetId: certificate.id,
        before: { ignoreNotifications: !input.ignore },
        after: { ignoreNotifications: input.ignore },
        ip: input.ip,
        createdAt: input.now,
      })),
    });
    return { changed: changing.length };
  });
}
