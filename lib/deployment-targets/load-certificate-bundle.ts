import "server-only";
import { getConfig } from "@/lib/config";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import type { CertificateBundle } from "@/lib/deploy/deployment-contracts";

export type LoadCertificateBundleResult =
  | { ok: true; bundle: CertificateBundle; domain: string; hasPrivateKey: boolean }
  | { ok: false; reason: "CERTIFICATE_NOT_DEPLOYABLE" | "NO_PRIVATE_KEY" };

/** Whether a certificate can be deployed now: issued, its files held, not expired. */
export function isDeployable(
  certificate: { status: string; certificatePem: string | null; expiresAt: Date | null },
  now: Date,
): boolean {
  return (
    certificate.status === "ISSUED" &&
    certificate.certificatePem !== null &&
    certificate.expiresAt !== null &&
    certificate.expiresAt.getTime() > now.getTime()
  );
}

/**
 * One of the owner's certificates as deployment takes it. The private key is opened only
 * when `withPrivateKey` (an SSH target, or a webhook that carries it), only in memory; a
 * certificate CertDesk holds no key for (a CSR's, an upload without one) cannot go to them.
 */
export async function loadCertificateBundle(input: {
  ownerId: string;
  certificateId: string;
  withPrivateKey: boolean;
  now: Date;
}): Promise<LoadCertificateBundleResult> {
  const certificate = await db.certificate.findFirst({
    where: { id: input.certificateId, ownerId: input.ownerId },
    select: {
      id: true,
      domain: true,
      status: true,
      expiresAt: true,
      certificatePem: true,
      chainPem: true,
      privateKeyEncrypted: true,
    },
  });
  if (!certificate?.certificatePem || !isDeployable(certificate, input.now)) {
    return { ok: false, reason: "CERTIFICATE_NOT_DEPLOYABLE" };
  }
  const hasPrivateKey = certificate.privateKeyEncrypted !== null;
  if (input.withPrivateKey && !certificate.privateKeyEncrypted) return { ok: false, reason: "NO_PRIVATE_KEY" };
  return {
    ok: true,
    domain: certificate.domain,
    hasPrivateKey,
    bundle: {
      certificatePem: certificate.certificatePem,
      chainPem: certificate.chainPem ?? "",
      privateKeyPem:
        input.withPrivateKey && certificate.privateKeyEncrypted
          ? decryptSecret(certificate.privateKeyEncrypted, getConfig().encryptionKey, certificate.id)
          : "",
    },
  };
}
