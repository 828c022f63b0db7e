import "server-only";
import { X509Certificate } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { classifyUploadedCertificate } from "@/lib/certificates/classify-uploaded-certificate";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import type { UploadErrorCode } from "@/lib/certificates/upload-problems";
import { getConfig } from "@/lib/config";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";
import { newCertificateId } from "@/lib/ids";
import { parseUploadedCertificate } from "@/lib/pem/parse-uploaded-certificate";
import type {
  UploadedCertificateError,
  UploadedCertificateWarning,
  UploadParams,
} from "@/lib/pem/uploaded-certificate-errors";
import { MS_PER_DAY } from "@/lib/time";

const STORED_KEY_ALGORITHMS: readonly KeyAlgorithm[] = ["RSA_2048", "RSA_3072", "RSA_4096", "ECDSA_P256", "ECDSA_P384"];

export type UploadCertificateInput = {
  ownerId: string;
  certificatePem: string;
  chainPem?: string;
  privateKeyPem?: string;
  alias?: string;
  /**
   * The same certificate (by fingerprint) already in the account: refused (the console), or
   * stored once more (the API's UploadCertificate with Repeatable, the original's default).
   */
  duplicates?: "refuse" | "allow";
  actorId: string;
  ip: string | null;
  now: Date;
};

export type UploadRejection =
  | UploadedCertificateError
  | {
      field: "certificate";
      code: Extract<UploadErrorCode, "KEY_SIZE_NOT_STORED" | "ALREADY_UPLOADED">;
      params: UploadParams;
    };

export type UploadCertificateResult =
  | { ok: true; certificateId: string; warnings: UploadedCertificateWarning[] }
  | { ok: false; errors: UploadRejection[] };

/**
 * Hosts a customer's own certificate: checked by parseUploadedCertificate (every problem
 * reported with its field), then stored as an issued, UPLOADED certificate with its chain
 * and, when given, its private key sealed under the new row's id — one insert and its
 * audit entry in one transaction, so a failure stores nothing. Nothing here logs, and
 * rejections carry only public facts, never key material.
 */
export async function uploadCertificate(input: UploadCertificateInput): Promise<UploadCertificateResult> {
  const parsed = parseUploadedCertificate({
    certificatePem: input.certificatePem,
    chainPem: input.chainPem,
    privateKeyPem: input.privateKeyPem,
    now: input.now,
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const value = parsed.value;
  const keyAlgorithm = STORED_KEY_ALGORITHMS.find((algorithm) => algorithm === value.keyAlgorithm);
  if (!keyAlgorithm) {
    return {
      ok: false,
      errors: [{ field: "certificate", code: "KEY_SIZE_NOT_STORED", params: { keyAlgorithm: value.keyAlgorithm } }],
    };
  }

  // Node's one-attribute-per-line names: organisations may contain the ", " the parser joins with.
  const leaf = new X509Certificate(value.certificatePem);
  const listed = classifyUploadedCertificate({
    issuer: leaf.issuer,
    subject: leaf.subject,
    domain: value.domain,
    sans: value.sans,
    isWildcard: value.isWildcard,
  });
  const id = newCertificateId();
  const privateKeyEncrypted = value.privateKeyPem
    ? encryptSecret(value.privateKeyPem, getConfig().encryptionKey, id)
    : null;
  const fingerprint = value.fingerprintSha256;
  const validityDays = (value.notAfter.getTime() - value.notBefore.getTime()) / MS_PER_DAY;

  return db.$transaction(async (tx) => {
    const existing =
      input.duplicates === "allow"
        ? null
        : await tx.certificate.findFirst({
            where: { ...ownedCertificateWhere(input.ownerId), fingerprintSha256: fingerprint },
            select: { id: true },
          });
    if (existing) {
      return {
        ok: false,
        errors: [{ field: "certificate", code: "ALREADY_UPLOADED", params: { certificateId: existing.id } }],
      };
    }
    await tx.certificate.create({
      data: {
        id,
        ownerId: input.ownerId,
        alias: input.alias?.trim() || null,
        brand: listed.brand,
        certificateType: listed.certificateType,
        domainType: listed.domainType,
        domain: value.domain,
        sans: value.sans,
        source: "UPLOADED",
        validityYears: Math.max(1, Math.round(validityDays / 365)),
        status: "ISSUED",
        notBefore: value.notBefore,
        issuedAt: value.notBefore,
        expiresAt: value.notAfter,
        keyAlgorithm,
        serialNumber: value.serialNumber.toLowerCase().slice(0, 64),
        fingerprintSha256: fingerprint,
        certificatePem: value.certificatePem,
        chainPem: value.chainPem,
        privateKeyEncrypted,
        createdAt: input.now,
      },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "certificate.upload",
      targetType: "Certificate",
      targetId: id,
      after: {
        domain: value.domain,
        sans: value.sans,
        issuer: value.issuer,
        serialNumber: value.serialNumber,
        fingerprintSha256: fingerprint,
        keyAlgorithm,
        expiresAt: value.notAfter.toISOString(),
        chainCertificates: value.chainPem ? value.chainPem.split("-----BEGIN CERTIFICATE-----").length - 1 : 0,
        withPrivateKey: privateKeyEncrypted !== null,
      },
      ip: input.ip,
      at: input.now,
    });
    return { ok: true, certificateId: id, warnings: value.warnings };
  });
}
