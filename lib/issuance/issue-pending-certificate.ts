import "server-only";
import { type IssuedCertificate, issueCertificate } from "@/lib/ca/issue-certificate";
import { publicKeyOfPrivateKey } from "@/lib/ca/key-pairs";
import { x509 } from "@/lib/ca/x509";
import { reissuedCertificateExpiry } from "@/lib/certificates/reissue-rules";
import { revokeCertificateInTransaction } from "@/lib/certificates/revoke-certificate";
import { getConfig } from "@/lib/config";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { type DbTransaction, db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";
import { isPendingStatus, PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import { issuedCertificateExpiry } from "@/lib/renewal/auto-renew-rules";

export type IssueOutcome = "issued" | "not-ready" | "already-issued";

export type IssuableCertificate = NonNullable<Awaited<ReturnType<typeof loadPending>>>;
type Loaded = IssuableCertificate;

function loadPending(certificateId: string) {
  return db.certificate.findUnique({
    where: { id: certificateId },
    select: {
      id: true,
      ownerId: true,
      status: true,
      brand: true,
      domain: true,
      sans: true,
      validityYears: true,
      validatedAt: true,
      validationDeadline: true,
      autoUpdateResources: true,
      keyAlgorithm: true,
      csrPem: true,
      privateKeyEncrypted: true,
      issuerId: true,
      renews: { select: { id: true, expiresAt: true, keyAlgorithm: true } },
      resultingOrder: { select: { id: true } },
      order: { select: { id: true, autoRenew: true, renewsCertificateId: true } },
      reissues: { select: { id: true, status: true, expiresAt: true, deletedAt: true } },
      // OV/EV: approved before validation started, so the subject names it.
      organizationReview: { select: { companyName: true, locality: true, country: true } },
    },
  });
}

/**
 * The pending certificate, when it may be issued now: validated before its deadline, and a
 * renewal (of a certificate with an expiry) or a purchase. Otherwise the outcome to report.
 * Shared by the built-in CA below and the ACME path (lib/issuance/advance-acme-certificate.ts).
 */
export async function loadIssuableCertificate(
  certificateId: string,
): Promise<{ certificate: IssuableCertificate } | { outcome: Exclude<IssueOutcome, "issued"> }> {
  const certificate = await loadPending(certificateId);
  if (!certificate || !isPendingStatus(certificate.status)) {
    return { outcome: certificate?.status === "ISSUED" ? "already-issued" : "not-ready" };
  }
  const validInTime =
    certificate.validatedAt &&
    certificate.validationDeadline &&
    certificate.validatedAt.getTime() <= certificate.validationDeadline.getTime();
  const renewal = renewalOf(certificate) ?? orderedRenewalOf(certificate);
  // A reissue is issued only while the certificate it replaces is still issued (and not
  // deleted): its expiry is what the reissue gets, and its revocation is part of recording it.
  const reissue = certificate.reissues;
  if (
    !validInTime ||
    (!renewal && !certificate.order && !reissue) ||
    (renewal && !renewal.expiresAt) ||
    (reissue && (reissue.status !== "ISSUED" || !reissue.expiresAt || reissue.deletedAt))
  ) {
    return { outcome: "not-ready" };
  }
  return { certificate };
}

function renewalOf(certificate: Loaded) {
  return certificate.renews && certificate.resultingOrder ? certificate.renews : null;
}

/** An OV/EV renewal ordered by hand through the order form: the certificate its order renews. */
function orderedRenewalOf(certificate: Loaded) {
  const renews = certificate.renews;
  return renews && certificate.order?.renewsCertificateId === renews.id ? renews : null;
}

/**
 * Issues a validated pending certificate from the built-in CA: a renewal (valid until the
 * old expiry plus one year; it inherits auto-renewal and takes over from the old one) or a
 * new purchase or free certificate (valid for its product's years from now; auto-renewal as
 * ordered). The key: the customer's CSR's, or the one generated when they ordered, or for a
 * renewal a fresh one. Signing happens before the transaction; the conditional update makes
 * a second issuer (another run, "Verify now") a no-op. A certificate of an ACME issuer is
 * never signed here: its CA issues it (advanceAcmeCertificate).
 */
export async function issuePendingCertificate(certificateId: string, now: Date): Promise<IssueOutcome> {
  const loaded = await loadIssuableCertificate(certificateId);
  if ("outcome" in loaded) return loaded.outcome;
  const { certificate } = loaded;
  if (certificate.issuerId) return "not-ready";
  const renewal = renewalOf(certificate) ?? orderedRenewalOf(certificate);
  const notAfter = certificate.reissues
    ? reissuedCertificateExpiry(certificate.reissues.expiresAt, now)
    : issuedCertificateExpiry({
        issuedAt: now,
        renewsExpiresAt: renewal?.expiresAt ?? null,
        validityYears: certificate.validityYears,
      });
  // The certificate a reissue replaces expired meanwhile: nothing left to issue; it times out.
  if (!notAfter) return "not-ready";

  const config = getConfig();
  const key = keyToSign(certificate, config.encryptionKey);
  const issued = await issueCertificate({
    brand: certificate.brand,
    domain: certificate.domain,
    sans: certificate.sans,
    keyAlgorithm: key.keyAlgorithm,
    publicKeySpki: key.publicKeySpki,
    organization: certificate.organizationReview
      ? {
          name: certificate.organizationReview.companyName,
          locality: certificate.organizationReview.locality,
          country: certificate.organizationReview.country,
        }
      : undefined,
    notBefore: now,
    notAfter,
    now,
    encryptionKey: config.encryptionKey,
    associatedData: certificate.id,
  });
  return recordIssuedCertificate(certificate, issued, now);
}

/**
 * Stores what a CA issued for a pending certificate and does what issuance means: the
 * renewal or purchase marked issued, auto-renewal carried on, resources rebound, the
 * customer notified, audited. One transaction; the conditional update makes a second
 * caller a no-op ("already-issued").
 */
export async function recordIssuedCertificate(
  certificate: IssuableCertificate,
  issued: IssuedCertificate,
  now: Date,
  extra: Prisma.CertificateUpdateManyMutationInput = {},
): Promise<IssueOutcome> {
  const renewal = renewalOf(certificate);
  const purchase = certificate.order;
  const orderedRenewal = orderedRenewalOf(certificate);
  const reissue = certificate.reissues;
  // (ours) a renewal keeps renewing year after year until turned off; a new certificate
  // renews if the customer switched auto-renewal on when ordering; a reissue takes over the
  // replaced certificate's auto-renewal (finishReissue), read with that row locked.
  const autoRenew = reissue ? false : renewal ? true : Boolean(purchase?.autoRenew);

  return db.$transaction(async (tx) => {
    const claimed = await tx.certificate.updateMany({
      where: { id: certificate.id, status: { in: [...PENDING_STATUSES] } },
      data: {
        ...extra,
        status: "ISSUED",
        issuedAt: now,
        notBefore: issued.notBefore,
        expiresAt: issued.notAfter,
        keyAlgorithm: issued.keyAlgorithm,
        serialNumber: issued.serialNumber,
        fingerprintSha256: issued.fingerprintSha256,
        certificatePem: issued.certificatePem,
        chainPem: issued.chainPem,
        // A key made now is stored; one made at order time is already there; a CSR's never is.
        ...(issued.privateKeyEncrypted ? { privateKeyEncrypted: issued.privateKeyEncrypted } : {}),
        ...(autoRenew ? { autoRenewState: "ON" as const, autoRenewChangedAt: now, autoRenewEndReason: null } : {}),
      },
    });
    if (claimed.count === 0) return "already-issued";
    const audit: { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject } = {
      before: { status: certificate.status },
      after: {
        status: "ISSUED",
        serialNumber: issued.serialNumber,
        notBefore: issued.notBefore.toISOString(),
        expiresAt: issued.notAfter.toISOString(),
        autoRenew,
      },
    };
    if (reissue) {
      await finishReissue(tx, certificate, reissue.id, issued.notAfter, audit, now);
    } else if (renewal && certificate.resultingOrder) {
      await finishRenewal(tx, certificate, renewal.id, certificate.resultingOrder.id, issued.notAfter, audit, now);
    } else if (purchase && orderedRenewal) {
      await tx.certificateOrder.updateMany({
        where: { id: purchase.id, status: "PAID" },
        data: { status: "ISSUED", issuedAt: now },
      });
      await handOverRenewal(tx, certificate, orderedRenewal.id, issued.notAfter, audit, { orderId: purchase.id }, now);
    } else if (purchase) {
      await tx.certificateOrder.updateMany({
        where: { id: purchase.id, status: "PAID" },
        data: { status: "ISSUED", issuedAt: now },
      });
      await notifyIssued(tx, certificate, "CERTIFICATE_ISSUED", { autoRenew }, issued.notAfter, now);
      await tx.auditLog.create({
        data: {
          actorId: null,
          action: "certificate.issue",
          targetType: "Certificate",
          targetId: certificate.id,
          before: audit.before,
          after: { ...audit.after, orderId: purchase.id },
          createdAt: now,
        },
      });
    }
    return "issued";
  });
}

/** The public key to certify: the CSR's, the one generated at order time, or none (a new pair is made). */
function keyToSign(
  certificate: Loaded,
  encryptionKey: Uint8Array,
): { keyAlgorithm: KeyAlgorithm; publicKeySpki?: Uint8Array<ArrayBuffer> } {
  const keyAlgorithm = certificate.keyAlgorithm ?? certificate.renews?.keyAlgorithm ?? "RSA_2048";
  if (certificate.csrPem) {
    const request = new x509.Pkcs10CertificateRequest(certificate.csrPem);
    return { keyAlgorithm, publicKeySpki: new Uint8Array(request.publicKey.rawData) };
  }
  if (certificate.privateKeyEncrypted) {
    const privateKeyPem = decryptSecret(certificate.privateKeyEncrypted, encryptionKey, certificate.id);
    return { keyAlgorithm, publicKeySpki: publicKeyOfPrivateKey(privateKeyPem) };
  }
  return { keyAlgorithm };
}

/**
 * The replaced certificate is revoked as superseded, by the revocation's own rules (a
 * refusal, such as its expiry meanwhile, rolls the whole issuance back), and its
 * auto-renewal, if on, moves to the reissue: switched off on the old one before the
 * revocation, so the renewal job, which claims only ISSUED certificates with auto-renewal
 * on, can never renew it again and the new one is renewed in its place.
 */
async function finishReissue(
  tx: DbTransaction,
  certificate: Loaded,
  replacedId: string,
  expiresAt: Date,
  audit: { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject },
  now: Date,
): Promise<void> {
  const moved = await tx.certificate.updateMany({
    where: { id: replacedId, ownerId: certificate.ownerId, autoRenewState: "ON" },
    data: { autoRenewState: "OFF", autoRenewChangedAt: now },
  });
  await revokeCertificateInTransaction(tx, {
    ownerId: certificate.ownerId,
    certificateId: replacedId,
    reason: "SUPERSEDED",
    actorId: null,
    ip: null,
    now,
  });
  const autoRenew = moved.count > 0;
  if (autoRenew) {
    await tx.certificate.update({
      where: { id: certificate.id },
      data: { autoRenewState: "ON", autoRenewChangedAt: now, autoRenewEndReason: null },
    });
  }
  // The resources that served the revoked certificate: moved as after a renewal, or the
  // customer is told (the notice, and the prompt on the certificate page and its row).
  const resourcesUpdated = await moveResourcesAutomatically(tx, certificate, replacedId, now);
  await notifyIssued(
    tx,
    certificate,
    "CERTIFICATE_ISSUED",
    {
      autoRenew,
      replacedCertificateId: replacedId,
      resourcesUpdated,
      autoUpdateResources: certificate.autoUpdateResources,
    },
    expiresAt,
    now,
  );
  await tx.auditLog.create({
    data: {
      actorId: null,
      action: "certificate.reissue",
      targetType: "Certificate",
      targetId: certificate.id,
      before: audit.before,
      after: { ...audit.after, autoRenew, replacedCertificateId: replacedId, resourcesUpdated },
      createdAt: now,
    },
  });
}

async function finishRenewal(
  tx: DbTransaction,
  certificate: Loaded,
  renewsId: string,
  orderId: string,
  expiresAt: Date,
  audit: { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject },
  now: Date,
): Promise<void> {
  await tx.renewalOrder.update({ where: { id: orderId }, data: { status: "ISSUED", issuedAt: now } });
  // The old certificate's renewal is done: auto-renewal carries on with the new one.
  await tx.certificate.updateMany({
    where: { id: renewsId, autoRenewState: "ON" },
    data: { autoRenewState: "OFF", autoRenewChangedAt: now },
  });
  await handOverRenewal(tx, certificate, renewsId, expiresAt, audit, {}, now);
}

/**
 * What every issued renewal does after its order is marked issued (a renewal order of the
 * job or of Renew now, or an OV/EV renewal ordered through the order form): the cloud
 * resources of the old certificate rebound when the customer asked for it, the customer
 * told (the "Update to cloud resources" prompt keys on renewsId), audited.
 */
async function handOverRenewal(
  tx: DbTransaction,
  certificate: Loaded,
  renewsId: string,
  expiresAt: Date,
  audit: { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject },
  extra: Prisma.InputJsonObject,
  now: Date,
): Promise<void> {
  const resourcesUpdated = await moveResourcesAutomatically(tx, certificate, renewsId, now);
  await notifyIssued(
    tx,
    certificate,
    "RENEWAL_ISSUED",
    { previousCertificateId: renewsId, resourcesUpdated, autoUpdateResources: certificate.autoUpdateResources },
    expiresAt,
    now,
  );
  await tx.auditLog.create({
    data: {
      actorId: null,
      action: "renewal.issue",
      targetType: "Certificate",
      targetId: certificate.id,
      before: audit.before,
      after: { ...audit.after, ...extra, resourcesUpdated },
      createdAt: now,
    },
  });
}

/**
 * (ours) "Update cloud resources automatically": the resources still bound to the certificate
 * a renewal or reissue replaces move to the new one, each with its deployment record. Off:
 * nothing moves, and the console prompts "Update to cloud resources" (get-certificate-deployment.ts).
 */
async function moveResourcesAutomatically(
  tx: DbTransaction,
  certificate: Loaded,
  predecessorId: string,
  now: Date,
): Promise<number> {
  if (!certificate.autoUpdateResources) return 0;
  const resources = await tx.cloudResource.findMany({
    where: { certificateId: predecessorId, ownerId: certificate.ownerId },
    select: { id: true },
  });
  if (resources.length === 0) return 0;
  await tx.cloudResource.updateMany({
    where: { id: { in: resources.map((resource) => resource.id) }, ownerId: certificate.ownerId },
    data: { certificateId: certificate.id },
  });
  await tx.deployment.createMany({
    data: resources.map((resource) => ({
      resourceId: resource.id,
      fromCertificateId: predecessorId,
      toCertificateId: certificate.id,
      actorId: null,
      result: "SUCCEEDED" as const,
      createdAt: now,
    })),
  });
  return resources.length;
}

async function notifyIssued(
  tx: DbTransaction,
  certificate: Loaded,
  kind: "RENEWAL_ISSUED" | "CERTIFICATE_ISSUED",
  params: Record<string, string | number | boolean>,
  expiresAt: Date,
  now: Date,
): Promise<void> {
  await tx.notification.createMany({
    data: [
      {
        ownerId: certificate.ownerId,
        kind,
        certificateId: certificate.id,
        dedupeKey: `issued:${certificate.id}`,
        params: {
          domain: certificate.domain,
          certificateId: certificate.id,
          expiresAt: expiresAt.toISOString(),
          ...params,
        },
        emailStatus: "PENDING",
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
}
