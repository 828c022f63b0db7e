import "server-only";
import { createHash } from "node:crypto";
import { pemWithNewline } from "@/lib/ca/certificate-authority-material";
import { generateKeyPair, isRsaAlgorithm, privateKeyToPem } from "@/lib/ca/key-pairs";
import { randomSerialNumber } from "@/lib/ca/random-serial-number";
import { type Issuer, loadIssuer } from "@/lib/ca/sign-with-issuer";
import { x509 } from "@/lib/ca/x509";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";

// RFC 5280's upper bound for a common name; longer domains live in the SAN alone.
const MAX_COMMON_NAME = 64;

export type ServerCertificateRequest = {
  /** The intermediate that signs. */
  issuer: Issuer;
  /** PEMs of the issuer's own chain up to the root (for the intermediate: [root]). */
  issuerChainPems: readonly string[];
  /** The bound domain: subject CN and first SAN. Wildcards (`*.example.com`) allowed. */
  domain: string;
  /** Further names; the domain and duplicates are dropped. */
  sans: readonly string[];
  keyAlgorithm: KeyAlgorithm;
  /**
   * The customer's own public key (SubjectPublicKeyInfo, DER: from their CSR, or a key
   * generated when they ordered), of `keyAlgorithm`. Without it a new key pair is made.
   */
  publicKeySpki?: Uint8Array<ArrayBuffer>;
  /** OV/EV: the reviewed organisation, in the subject as O, L and C. */
  organization?: SubjectOrganization;
  notBefore: Date;
  notAfter: Date;
};

export type SubjectOrganization = { name: string; locality: string; country: string };

export type ServerCertificate = {
  certificatePem: string;
  /** Issuer first, then up to the root, each PEM ending in a newline. */
  chainPem: string;
  /** The new private key in the clear (PKCS#8 PEM): encrypt it before it goes anywhere. Null for the customer's own key. */
  privateKeyPem: string | null;
  /** Lower-case hex, 32 characters. */
  serialNumber: string;
  /** SHA-256 of the DER certificate, lower-case hex without separators. */
  fingerprintSha256: string;
  /** The names in the SAN, normalized, domain first. */
  dnsNames: string[];
  /** As encoded: X.509 keeps whole seconds, so milliseconds are dropped. */
  notBefore: Date;
  notAfter: Date;
};

/**
 * A TLS server certificate for `domain` and `sans` on a new key pair of the requested
 * algorithm (or on the public key given), signed by `issuer`: random positive 16-byte serial, the caller's
 * validity, CA:false, keyUsage digitalSignature (plus keyEncipherment for RSA),
 * extendedKeyUsage serverAuth, subject and authority key identifiers.
 * Pure apart from key generation and randomness: no database, no clock.
 */
export async function createServerCertificate(request: ServerCertificateRequest): Promise<ServerCertificate> {
  if (!(request.notAfter.getTime() > request.notBefore.getTime())) {
    throw new RangeError("notAfter must be later than notBefore");
  }
  const domain = normalizeDomainName(request.domain);
  const dnsNames = [...new Set([domain, ...request.sans.map(normalizeDomainName)])];

  const issuer = await loadIssuer(request.issuer);
  const keys = request.publicKeySpki ? null : await generateKeyPair(request.keyAlgorithm);
  const publicKey = keys?.publicKey ?? (request.publicKeySpki as Uint8Array<ArrayBuffer>);
  const usages = isRsaAlgorithm(request.keyAlgorithm)
    ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
    : x509.KeyUsageFlags.digitalSignature;
  const hasCommonName = domain.length <= MAX_COMMON_NAME;

  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialNumber(),
    subject: new x509.Name([
      ...(request.organization
        ? [
            { C: [request.organization.country] },
            { L: [request.organization.locality] },
            { O: [request.organization.name] },
          ]
        : []),
      ...(hasCommonName ? [{ CN: [domain] }] : []),
    ]),
    issuer: issuer.certificate.subjectName,
    notBefore: request.notBefore,
    notAfter: request.notAfter,
    publicKey,
    signingKey: issuer.signingKey,
    signingAlgorithm: issuer.signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usages, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      // With an empty subject the SAN carries the identity and must be critical (RFC 5280 §4.2.1.6).
      new x509.SubjectAlternativeNameExtension(
        dnsNames.map((value) => ({ type: "dns" as const, value })),
        !hasCommonName,
      ),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      issuer.authorityKeyIdentifier,
    ],
  });

  return {
    certificatePem: pemWithNewline(certificate.toString("pem")),
    chainPem: [request.issuer.certificatePem, ...request.issuerChainPems].map(pemWithNewline).join(""),
    privateKeyPem: keys ? privateKeyToPem(keys.privateKey) : null,
    serialNumber: certificate.serialNumber.toLowerCase(),
    fingerprintSha256: createHash("sha256").update(new Uint8Array(certificate.rawData)).digest("hex"),
    dnsNames,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
  };
}
