import type { X509Certificate } from "node:crypto";

export type ChainCertificate = {
  certificate: X509Certificate;
  // 1-based place in the chain as the customer gave it, so messages can point at it.
  position: number;
};

export type OrderCertificateChainResult = {
  // Leaf's issuer first, then each certificate's issuer, as servers must send them.
  ordered: ChainCertificate[];
  // Certificates that issued nothing on that path.
  unrelated: ChainCertificate[];
  reordered: boolean;
};

/**
 * Builds the issuer path upwards from the leaf out of the given CA certificates. A certificate
 * counts as the issuer only if its name matches and its key verifies the signature: a
 * certificate that merely carries the right name (another CA's, or an old one) is not accepted.
 */
export function orderCertificateChain(
  leaf: X509Certificate,
  chain: readonly ChainCertificate[],
): OrderCertificateChainResult {
  const remaining = [...chain];
  const ordered: ChainCertificate[] = [];
  let current = leaf;
  while (!isSelfIssued(current)) {
    const index = remaining.findIndex((candidate) => hasIssued(candidate.certificate, current));
    const issuer = remaining[index];
    if (!issuer) break;
    ordered.push(issuer);
    remaining.splice(index, 1);
    current = issuer.certificate;
  }
  const reordered = ordered.some((entry, index) => index > 0 && entry.position < (ordered[index - 1]?.position ?? 0));
  return { ordered, unrelated: remaining, reordered };
}

/** Whether `issuer` signed `subject` (names, key identifiers and signature all agree). */
export function hasIssued(issuer: X509Certificate, subject: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    // A signature algorithm OpenSSL cannot verify proves nothing.
    return false;
  }
}

export function isSelfIssued(certificate: X509Certificate): boolean {
  return hasIssued(certificate, certificate);
}
