// Checks an issued chain the way a TLS client would, with Node's own X.509: each
// certificate signed by the next, the last by the given root, all valid at `at`.
import { X509Certificate } from "node:crypto";

export function splitPemChain(chainPem: string): X509Certificate[] {
  const blocks = chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/** Throws with the reason when the chain does not lead to `rootPem`; returns the leaf. */
export function verifyCertificateChain(chainPem: string, rootPem: string, at: Date): X509Certificate {
  const chain = splitPemChain(chainPem);
  const root = new X509Certificate(rootPem);
  const [leaf] = chain;
  if (!leaf) throw new Error("the chain holds no certificate");
  [...chain, root].forEach((certificate, index, all) => {
    const issuer = all[index + 1] ?? root;
    if (!certificate.checkIssued(issuer) || !certificate.verify(issuer.publicKey)) {
      throw new Error(`${certificate.subject} is not signed by ${issuer.subject}`);
    }
    if (new Date(certificate.validFrom) > at || new Date(certificate.validTo) < at) {
      throw new Error(`${certificate.subject} is not valid at ${at.toISOString()}`);
    }
  });
  return leaf;
}
