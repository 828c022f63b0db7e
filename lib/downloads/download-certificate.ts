import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { getConfig } from "@/lib/config";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { buildCertificateOnlyBundle } from "@/lib/downloads/build-certificate-only-bundle";
import { buildDownloadBundle, type ServerType } from "@/lib/downloads/build-download-bundle";
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

/**
 * The zip to install one of the owner's certificates on a kind of server. The private key
 * is opened only here (associated data = the certificate id) and only for the bundle; the
 * download is audited with who, which certificate and which type, never the password.
 */
export async function downloadCertificate(input: {
  ownerId: string;
  certificateId: string;
  serverType: ServerType;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<DownloadCertificateResult> {
  const certificate = await db.certificate.findFirst({
    where: { id: input.certificateId, ownerId: input.ownerId },
    select: {
      id: true,
      domain: true,
      status: true,
      certificatePem: true,
      chainPem: true,
      privateKeyEncrypted: true,
    },
  });
  if (!certificate) throw new AppError("NOT_FOUND");
  if (certificate.status !== "ISSUED" || !certificate.certificatePem)
    return { ok: false, reason: "NO_CERTIFICATE_FILE" };

  let bundle: { fileName: string; zip: Uint8Array; password?: string };
  const includesPrivateKey = certificate.privateKeyEncrypted !== null;
  if (certificate.privateKeyEncrypted) {
    bundle = buildDownloadBundle(input.serverType, {
      domain: certificate.domain,
      certificatePem: certificate.certificatePem,
      chainPem: certificate.chainPem,
      privateKeyPem: decryptSecret(certificate.privateKeyEncrypted, getConfig().encryptionKey, certificate.id),
      now: input.now,
    });
  } else if (isCertificateOnlyServerType(input.serverType)) {
    bundle = buildCertificateOnlyBundle(input.serverType, {
      domain: certificate.domain,
      certificatePem: certificate.certificatePem,
      chainPem: certificate.chainPem,
      now: input.now,
    });
  } else {
    return { ok: false, reason: "PRIVATE_KEY_REQUIRED" };
  }

  await db.$transaction((tx) =>
    recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.download",
      targetType: "Certificate",
      targetId: certificate.id,
      after: { serverType: input.serverType, fileName: bundle.fileName, includesPrivateKey },
      ip: input.ip,
      at: input.now,
    }),
  );
  return { ok: true, fileName: bundle.fileName, zip: bundle.zip, password: bundle.password, includesPrivateKey };
}
