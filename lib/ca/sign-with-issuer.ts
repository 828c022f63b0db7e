import "server-only";
import { importSigningKey } from "@/lib/ca/key-pairs";
import { x509 } from "@/lib/ca/x509";

/** What a CA needs to sign: its certificate and private key, both PEM. */
export type Issuer = { certificatePem: string; privateKeyPem: string };

export type LoadedIssuer = {
  certificate: x509.X509Certificate;
  signingKey: CryptoKey;
  signingAlgorithm: Algorithm & { hash: string };
  authorityKeyIdentifier: x509.AuthorityKeyIdentifierExtension;
};

/**
 * Parses the issuer and prepares what every certificate it signs needs. The
 * authority key identifier is copied from the issuer's own subject key identifier,
 * so chain builders match them byte for byte.
 */
export async function loadIssuer(issuer: Issuer): Promise<LoadedIssuer> {
  const certificate = new x509.X509Certificate(issuer.certificatePem);
  const signingKey = await importSigningKey(issuer.privateKeyPem);
  const subjectKeyId = certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const authorityKeyIdentifier = subjectKeyId
    ? new x509.AuthorityKeyIdentifierExtension(subjectKeyId)
    : await x509.AuthorityKeyIdentifierExtension.create(certificate.publicKey);
  return {
    certificate,
    signingKey,
    signingAlgorithm: { name: signingKey.algorithm.name, hash: "SHA-256" },
    authorityKeyIdentifier,
  };
}
