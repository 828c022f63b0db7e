import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { getConfig } from "@/lib/config";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { buildCertificateOnlyBundle } from "@/lib/downloads/build-certificate-only-bundle";
import { buildDownloadBundle, type DownloadBundle, type ServerType } from "@/lib/downloads/build-download-bundle";
import { isCertificateOnlyServerType } from "@/lib/downloads/server-types";
import { AppError } from "@/lib/errors";

export type DownloadRefusal =
  /** Nothing to download: the certificate is not issued or has no file (e.g. demo data). */
  | "NO_CERTIFICATE_FILE"
  /** IIS and Tomcat keystores need the private key, which this (uploaded) certificate lacks. */
  | "PRIVATE_KEY_REQUIRED";

export type DownloadCertificateResult =
  | {
      ok: true;
      fileName: string;
      zip: Uint8Array;
      /** The keystore password (IIS, Tomcat): shown once by the caller, never stored or logged. */
      password?: string;
      includesPrivateKey: boolean;
    }
  | { ok: false; reason: DownloadRefusal };

export type DownloadRequest = {
  ownerId: string;
  certificateId: string;
  actorId: string;
  ip: string | null;
  now: Date;
};

/** What a bundle is made of: the owner's issued certificate, and its private key opened if it has one. */
export type DownloadMaterial = {
  id: string;
  domain: string;
  certificatePem: string;
  chainPem: string | null;
  /** Opened only here (associated data = the certificate id), only to build bundles. */
  privateKeyPem: string | null;
};

/** The owner's certificate ready to be bundled; NOT_FOUND for anyone else's (or a deleted one). */
export async function openDownloadMaterial(
  input: Pick<DownloadRequest, "ownerId" | "certificateId">,
): Promise<DownloadMaterial | { refusal: "NO_CERTIFICATE_FILE" }> {
  const certificate = await db.certificate.findFirst({
    where: { id: input.certificateId, ...ownedCertificateWhere(input.ownerId) },
    select: { id: true, domain: true, status: true, certificatePem: true, chainPem: true, privateKeyEncrypted: true },
  });
  if (!certificate) throw new AppError("NOT_FOUND");
  if (certificate.status !== "ISSUED" || !certificate.certificatePem) return { refusal: "NO_CERTIFICATE_FILE" };
  return {
    id: certificate.id,
    domain: certificate.domain,
    certificatePem: certificate.certificatePem,
    chainPem: certificate.chainPem,
    privateKeyPem: certificate.privateKeyEncrypted
      ? decryptSecret(certificate.privateKeyEncrypted, getConfig().encryptionKey, certificate.id)
      : null,
  };
}

/** The bundle for one server type: with the key when there is one, the certificate files alone otherwise. */
export function bundleFor(serverType: ServerType, material: DownloadMaterial, now: Date): DownloadBundle | null {
  const files = { domain: material.domain, certificatePem: material.certificatePem, chainPem: material.chainPem, now };
  if (material.privateKeyPem)
    return buildDownloadBundle(serverType, { ...files, privateKeyPem: material.privateKeyPem });
  return isCertificateOnlyServerType(serverType) ? buildCertificateOnlyBundle(serverType, files) : null;
}

/** The download's audit entry: who, which certificate and which type, never the password. */
export async function recordDownload(
  input: DownloadRequest,
  after: { serverType: ServerType | "all"; fileName: string; includesPrivateKey: boolean },
): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.download",
      targetType: "Certificate",
      targetId: input.certificateId,
      after,
      ip: input.ip,
      at: input.now,
    }),
  );
}

/** The zip to install one of the owner's certificates on a kind of server, audited. */
export async function downloadCertificate(
  input: DownloadRequest & { serverType: ServerType },
): Promise<DownloadCertificateResult> {
  const material = await openDownloadMaterial(input);
  if ("refusal" in material) return { ok: false, reason: material.refusal };
  const bundle = bundleFor(input.serverType, material, input.now);
  if (!bundle) return { ok: false, reason: "PRIVATE_KEY_REQUIRED" };
  const includesPrivateKey = material.privateKeyPem !== null;
  await recordDownload(input, { serverType: input.serverType, fileName: bundle.fileName, includesPrivateKey });
  return { ok: true, fileName: bundle.fileName, zip: bundle.zip, password: bundle.password, includesPrivateKey };
}
