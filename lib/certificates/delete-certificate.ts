import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { waitsForIssuance } from "@/lib/certificates/deletion-rules";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

export type DeleteCertificateInput = {
  ownerId: string;
  certificateId: string;
  /**
   * The cloud resources and deployment targets the customer was shown and agreed may keep
   * using a deleted certificate ("ALL": the API's IsCheckResource false, the original's
   * default). One bound to it that is not among them refuses the deletion, so a resource
   * added after the dialog listed them is never dropped unseen.
   */
  confirmedResourceIds: readonly string[] | "ALL";
  actorId: string;
  ip: string | null;
  now: Date;
};

/**
 * Deletes one of the owner's certificates from their view: a soft delete (deletedAt), so its
 * renewal history, orders and ledger entries stay whole and administrators still see it.
 * Refused while it waits for issuance (its order is to be cancelled instead), while a renewal
 * paid for it has not been issued (the fee is in flight), and while cloud resources the
 * customer did not confirm use it. Auto-renewal ends with it, so the job never charges for a
 * certificate nobody sees; all of it in one transaction with the row locked.
 */
export async function deleteCertificate(input: DeleteCertificateInput): Promise<{ certificateId: string }> {
  return db.$transaction(async (tx) => {
    if (!(await lockOwnedCertificate(tx, input.ownerId, input.certificateId))) throw new AppError("NOT_FOUND");
    const certificate = await tx.certificate.findUniqueOrThrow({
      where: { id: input.certificateId },
      select: {
        id: true,
        domain: true,
        status: true,
        autoRenewState: true,
        renewalOrders: { where: { status: "PENDING_VALIDATION" }, select: { id: true }, take: 1 },
        // An OV/EV renewal ordered through the order form and not yet issued.
        renewingOrders: { where: { status: "PAID" }, select: { id: true }, take: 1 },
        resources: { where: { ownerId: input.ownerId }, select: { id: true }, orderBy: { id: "asc" } },
        deploymentTargets: { where: { ownerId: input.ownerId }, select: { id: true }, orderBy: { id: "asc" } },
      },
    });
    if (waitsForIssuance(certificate.status)) throw new AppError("CERTIFICATE_NOT_DELETABLE");
    if (certificate.renewalOrders.length > 0 || certificate.renewingOrders.length > 0)
      throw new AppError("CERTIFICATE_RENEWAL_UNDER_WAY");
    const confirmed = input.confirmedResourceIds;
    const users = [...certificate.resources, ...certificate.deploymentTargets];
    const unconfirmed = confirmed === "ALL" ? [] : users.filter((user) => !confirmed.includes(user.id));
    if (unconfirmed.length > 0) throw new AppError("CERTIFICATE_IN_USE", { count: users.length });

    await tx.certificate.update({
      where: { id: certificate.id },
      data: {
        deletedAt: input.now,
        ...(certificate.autoRenewState === "ON"
          ? { autoRenewState: "OFF", autoRenewChangedAt: input.now, autoRenewEndReason: null }
          : {}),
      },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.delete",
      targetType: "Certificate",
      targetId: certificate.id,
      before: {
        domain: certificate.domain,
        status: certificate.status,
        autoRenewState: certificate.autoRenewState,
        resourceIds: certificate.resources.map((resource) => resource.id),
        deploymentTargetIds: certificate.deploymentTargets.map((target) => target.id),
      },
      after: {
        deletedAt: input.now.toISOString(),
        autoRenewState: certificate.autoRenewState === "ON" ? "OFF" : certificate.autoRenewState,
      },
      ip: input.ip,
      at: input.now,
    });
    return { certificateId: certificate.id };
  });
}
