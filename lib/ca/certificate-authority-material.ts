/** A CA certificate with its private key in the clear: in memory only, never stored like this. */
export type CertificateAuthorityMaterial = {
  certificatePem: string;
  privateKeyPem: string;
  /** The subject DN as text, e.g. "CN=CertDesk Local Root CA, O=CertDesk". */
  subject: string;
  /** As encoded in the certificate (whole seconds). */
  notBefore: Date;
  notAfter: Date;
};

/**
 * PEM text ending in a newline, like openssl writes it: bundles can then be joined
 * by plain concatenation (@peculiar/x509 omits the final newline).
 */
export function pemWithNewline(pem: string): string {
  return pem.endsWith("\n") ? pem : `${pem}\n`;
}
