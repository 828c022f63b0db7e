import "server-only";
import { normalizeBrand } from "@/lib/ca/certificate-authority-names";
import { createServerCertificate, type SubjectOrganization } from "@/lib/ca/create-server-certificate";
import { ensureCertificateAuthorities } from "@/lib/ca/ensure-certificate-authorities";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";

export type IssueCertificateInput = {
  /** Chooses the intermediate ("CertDesk <brand> DV CA"), created on first use. */
  brand: string;
  domain: string;
  sans: readonly string[];
  keyAlgorithm: KeyAlgorithm;
  /** The customer's own public key (SPKI DER) to sign; without it a new key pair is made and sealed. */
  publicKeySpki?: Uint8Array<ArrayBuffer>;
  /** OV/EV: the approved organisation, in the subject. */
  organization?: SubjectOrganization;
  /** The caller's validity (renewal: from issuance to the old expiry plus one year). */
  notBefore: Date;
  notAfter: Date;
  /** Only used if a CA has to be created. */
  now: Date;
  /** getConfig().encryptionKey: opens the intermediate's key and seals the new one. */
  encryptionKey: Uint8Array;
  /** Bound into the new key's envelope, normally the certificate's id; decrypt with the same. */
  associatedData: string;
};

export type IssuedCertificate = {
  certificatePem: string;
  /** Intermediate, then root. */
  chainPem: string;
  /** Secret-box envelope of the new PKCS#8 PEM key, associated data = input.associatedData; null for the customer's own key. */
  privateKeyEncrypted: string | null;
  /** Lower-case hex, 32 characters. */
  serialNumber: string;
  /** Lower-case hex SHA-256 of the DER certificate, 64 characters. */
  fingerprintSha256: string;
  keyAlgorithm: KeyAlgorithm;
  /** As encoded: whole seconds. Store these rather than the requested instants. */
  notBefore: Date;
  notAfter: Date;
};

/**
 * Issues a TLS server certificate from the brand's intermediate, on the customer's public
 * key or on a new key whose clear form never leaves this function. Writes no Certificate row: the caller
 * stores the result. Throws RangeError for invalid names or validity, and when the
 * certificate would outlive the intermediate (it would stop verifying before its
 * own expiry).
 */
export async function issueCertificate(input: IssueCertificateInput): Promise<IssuedCertificate> {
  const brand = normalizeBrand(input.brand);
  const authorities = await ensureCertificateAuthorities({
    brands: [brand],
    now: input.now,
    encryptionKey: input.encryptionKey,
  });
  const intermediate = authorities.intermediates.get(brand);
  if (!intermediate) throw new Error(`No intermediate for brand "${brand}"`);
  if (input.notAfter.getTime() > intermediate.notAfter.getTime()) {
    throw new RangeError(
      `The certificate would expire after its issuer "${intermediate.subject}" (${intermediate.notAfter.toISOString()})`,
    );
  }

  const issued = await createServerCertificate({
    issuer: {
      certificatePem: intermediate.certificatePem,
      privateKeyPem: decryptSecret(intermediate.privateKeyEncrypted, input.encryptionKey, intermediate.key),
    },
    issuerChainPems: [authorities.root.certificatePem],
    domain: input.domain,
    sans: input.sans,
    keyAlgorithm: input.keyAlgorithm,
    publicKeySpki: input.publicKeySpki,
    organization: input.organization,
    notBefore: input.notBefore,
    notAfter: input.notAfter,
  });
  return {
    certificatePem: issued.certificatePem,
    chainPem: issued.chainPem,
    privateKeyEncrypted:
      issued.privateKeyPem === null
        ? null
        : encryptSecret(issued.privateKeyPem, input.encryptionKey, input.associatedData),
    serialNumber: issued.serialNumber,
    fingerprintSha256: issued.fingerprintSha256,
    keyAlgorithm: input.keyAlgorithm,
    notBefore: issued.notBefore,
    notAfter: issued.notAfter,
  };
}
