import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { type RevocationReasonChoice, revocationRefusal } from "@/lib/certificates/revocation-rules";
import { type DbTransaction, db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

export type RevokeCertificateInput = {
  ownerId: string;
  certificateId: string;
  reason: RevocationReasonChoice;
  /** Null when CertDesk revokes it itself (a reissue, issued, supersedes it). */
  actorId: string | null;
  ip: string | null;
  now: Date;
};

/**
 * Revokes one of the owner's issued certificates: status REVOKED with the time and reason
 * (the built-in CA's record; no CRL or OCSP responder is published, see README), and its
 * auto-renewal ended, so neither the renewal job (which claims ISSUED certificates only) nor a
 * manual renewal (the eligibility rules require ISSUED) ever renews it. One transaction, with
 * the row locked so the job cannot deduct a fee for it at the same moment.
 */
export async function revokeCertificate(
  input: RevokeCertificateInput,
): Promise<{ certificateId: string; revokedAt: Date }> {
  return db.$transaction((tx) => revokeCertificateInTransaction(tx, input));
}

/**
 * The revocation itself, in the caller's transaction: the issuance of a reissue revokes the
 * certificate it supersedes in the same transaction that records it, under the same rules.
 */
export async function revokeCertificateInTransaction(
  tx: DbTransaction,
  input: RevokeCertificateInput,
): Promise<{ certificateId: string; revokedAt: Date }> {
  if (!(await lockOwnedCertificate(tx, input.ownerId, input.certificateId))) throw new AppError("NOT_FOUND");
  const certificate = await tx.certificate.findUniqueOrThrow({
    where: { id: input.certificateId, ownerId: input.ownerId },
    select: {
      id: true,
      domain: true,
      source: true,
      status: true,
      expiresAt: true,
      autoRenewState: true,
      autoRenewEndReason: true,
      renewalOrders: { where: { status: "PENDING_VALIDATION" }, select: { id: true }, take: 1 },
      renewingOrders: { where: { status: "PAID" }, select: { id: true }, take: 1 },
    },
  });
  const refusal = revocationRefusal(
    { ...certificate, renewalPending: certificate.renewalOrders.length > 0 || certificate.renewingOrders.length > 0 },
    input.now,
  );
  if (refusal === "RENEWAL_PENDING") throw new AppError("CERTIFICATE_RENEWAL_UNDER_WAY");
  if (refusal) throw new AppError("CERTIFICATE_NOT_REVOCABLE");

  const endsAutoRenewal = certificate.autoRenewState === "ON";
  await tx.certificate.update({
    where: { id: certificate.id },
    data: {
      status: "REVOKED",
      revokedAt: input.now,
      revocationReason: input.reason,
      ...(endsAutoRenewal
        ? { autoRenewState: "TERMINATED", autoRenewChangedAt: input.now, autoRenewEndReason: "NOT_ELIGIBLE" }
        : {}),
    },
  });
  await recordAudit(tx, {
    actorId: input.actorId,
    action: "certificate.revoke",
    targetType: "Certificate",
    targetId: certificate.id,
    before: { domain: certificate.domain, status: certificate.status, autoRenewState: certificate.autoRenewState },
    after: {
      status: "REVOKED",
      reason: input.reason,
      revokedAt: input.now.toISOString(),
      autoRenewState: endsAutoRenewal ? "TERMINATED" : certificate.autoRenewState,
    },
    ip: input.ip,
    at: input.now,
  });
  return { certificateId: certificate.id, revokedAt: input.now };
}
