import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";

export type AuditContext = { actorId: string; ip?: string | null; now: Date };

/**
 * (ours) "Update cloud resources automatically after renewal" for one of the owner's
 * certificates. A renewal already paid (or a reissue requested) and waiting for validation
 * copied the setting when it was created, and it is that copy the issuance reads, so it
 * follows too.
 */
export async function setAutoUpdateResources(
  ownerId: string,
  certificateId: string,
  enabled: boolean,
  context: AuditContext,
): Promise<{ autoUpdateResources: boolean }> {
  return db.$transaction(async (tx) => {
    const certificate = await tx.certificate.findFirst({
      where: { id: certificateId, ...ownedCertificateWhere(ownerId) },
      select: { id: true, autoUpdateResources: true },
    });
    if (!certificate) throw new AppError("NOT_FOUND");
    await tx.certificate.update({ where: { id: certificate.id }, data: { autoUpdateResources: enabled } });
    const pending = await tx.certificate.updateMany({
      where: {
        ownerId,
        OR: [{ renewsId: certificate.id }, { reissuesId: certificate.id }],
        status: { in: [...PENDING_STATUSES] },
      },
      data: { autoUpdateResources: enabled },
    });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: enabled ? "certificate.auto_update_resources.enable" : "certificate.auto_update_resources.disable",
      targetType: "Certificate",
      targetId: certificate.id,
      before: { autoUpdateResources: certificate.autoUpdateResources },
      after: { autoUpdateResources: enabled, pendingRenewalsUpdated: pending.count },
      ip: context.ip ?? null,
      at: context.now,
    });
    return { autoUpdateResources: enabled };
  });
}
