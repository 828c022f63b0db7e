import "server-only";
import { issueCertificate } from "@/lib/ca/issue-certificate";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { renewedExpiry } from "@/lib/renewal/auto-renew-rules";

export const PENDING_STATUSES = ["PENDING_VALIDATION", "DNS_RECORD_ADDED"] as const;

export type IssueOutcome = "issued" | "not-ready" | "already-issued";

/**
 * Issues a validated renewal from the built-in CA: valid from now until the old
 * certificate's expiry plus one calendar year. The new certificate inherits
 * auto-renewal; the old one's is done. Key generation happens before the
 * transaction; the conditional update makes a second issuer (another run) a no-op.
 */
export async function issueRenewal(certificateId: string, now: Date): Promise<IssueOutcome> {
  const certificate = await db.certificate.findUnique({
    where: { id: certificateId },
    include: {
      renews: { select: { id: true, expiresAt: true, keyAlgorithm: true } },
      resultingOrder: { select: { id: true } },
    },
  });
  if (!certificate || !PENDING_STATUSES.includes(certificate.status as (typeof PENDING_STATUSES)[number])) {
    return certificate?.status === "ISSUED" ? "already-issued" : "not-ready";
  }
  const { renews, resultingOrder } = certificate;
  const validInTime =
    certificate.validatedAt &&
    certificate.validationDeadline &&
    certificate.validatedAt.getTime() <= certificate.validationDeadline.getTime();
  if (!validInTime || !renews?.expiresAt || !resultingOrder) return "not-ready";

  const config = getConfig();
  const issued = await issueCertificate({
    brand: certificate.brand,
    domain: certificate.domain,
    sans: certificate.sans,
    keyAlgorithm: renews.keyAlgorithm ?? "RSA_2048",
    notBefore: now,
    notAfter: renewedExpiry(renews.expiresAt),
    now,
    encryptionKey: config.encryptionKey,
    associatedData: certificate.id,
  });

  return db.$transaction(async (tx) => {
    const claimed = await tx.certificate.updateMany({
      where: { id: certificate.id, status: { in: [...PENDING_STATUSES] } },
      data: {
        status: "ISSUED",
        issuedAt: now,
        notBefore: issued.notBefore,
        expiresAt: issued.notAfter,
        keyAlgorithm: issued.keyAlgorithm,
        serialNumber: issued.serialNumber,
        fingerprintSha256: issued.fingerprintSha256,
        certificatePem: issued.certificatePem,
        chainPem: issued.chainPem,
        privateKeyEncrypted: issued.privateKeyEncrypted,
        // (ours) the renewal keeps renewing year after year until turned off.
        autoRenewState: "ON",
        autoRenewChangedAt: now,
        autoRenewEndReason: null,
      },
    });
    if (claimed.count === 0) return "already-issued";
    await tx.renewalOrder.update({ where: { id: resultingOrder.id }, data: { status: "ISSUED", issuedAt: now } });
    // The old certificate's renewal is done: auto-renewal carries on with the new one.
    await tx.certificate.updateMany({
      where: { id: renews.id, autoRenewState: "ON" },
      data: { autoRenewState: "OFF", autoRenewChangedAt: now },
    });

    let resourcesUpdated = 0;
    if (certificate.autoUpdateResources) {
      const resources = await tx.cloudResource.findMany({ where: { certificateId: renews.id }, select: { id: true } });
      if (resources.length > 0) {
        await tx.cloudResource.updateMany({
          where: { id: { in: resources.map((resource) => resource.id) } },
          data: { certificateId: certificate.id },
        });
        await tx.deployment.createMany({
          data: resources.map((resource) => ({
            resourceId: resource.id,
            fromCertificateId: renews.id,
            toCertificateId: certificate.id,
            actorId: null,
            result: "SUCCEEDED" as const,
            createdAt: now,
          })),
        });
        resourcesUpdated = resources.length;
      }
    }

    await tx.notification.createMany({
      data: [
        {
          ownerId: certificate.ownerId,
          kind: "RENEWAL_ISSUED",
          certificateId: certificate.id,
          dedupeKey: `issued:${certificate.id}`,
          params: {
            domain: certificate.domain,
            certificateId: certificate.id,
            previousCertificateId: renews.id,
            expiresAt: issued.notAfter.toISOString(),
            resourcesUpdated,
            autoUpdateResources: certificate.autoUpdateResources,
          },
          emailStatus: "PENDING",
          createdAt: now,
        },
      ],
      skipDuplicates: true,
    });
    await tx.auditLog.create({
      data: {
        actorId: null,
        action: "renewal.issue",
        targetType: "Certificate",
        targetId: certificate.id,
        before: { status: certificate.status },
        after: {
          status: "ISSUED",
          serialNumber: issued.serialNumber,
          notBefore: issued.notBefore.toISOString(),
          expiresAt: issued.notAfter.toISOString(),
          resourcesUpdated,
        },
        createdAt: now,
      },
    });
    return "issued";
  });
}
