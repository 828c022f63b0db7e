import type { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { x509 } from "@/lib/ca/x509";

export type CertificateNames = {
  // The name the certificate is bound to: its subject CN when that is a host name, else its first DNS SAN.
  domain: string | null;
  // Every other DNS name it covers, in certificate order, without duplicates.
  sans: string[];
  isWildcard: boolean;
};

// A host name, optionally with a leading wildcard label. Underscores occur in real certificates
// (service names), so they are let through. Internationalised names are in certificates as
// A-labels ("xn--…"); a Unicode CN is not one of the names a browser will match.
const HOST_NAME = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$/;

/**
 * The DNS names a certificate covers, lower-cased, read from its DER with @peculiar/x509;
 * IP addresses, e-mail addresses and URIs are not domains. Null when its subject or an
 * extension does not decode: then CertDesk cannot know which names it covers.
 */
export function readCertificateNames(certificate: X509Certificate): CertificateNames | null {
  const decoded = decodeNames(certificate);
  if (!decoded) return null;
  const dnsNames = dedupe(decoded.dnsNames.map((name) => name.toLowerCase()).filter(isHostName));
  // When there are several CNs the last is the most specific, as OpenSSL reads it.
  const commonName = decoded.commonNames.at(-1)?.toLowerCase() ?? null;
  const domain = commonName && isHostName(commonName) ? commonName : (dnsNames[0] ?? null);
  const sans = dnsNames.filter((name) => name !== domain);
  const isWildcard = [domain, ...sans].some((name) => name?.startsWith("*.") === true);
  return { domain, sans, isWildcard };
}

function decodeNames(certificate: X509Certificate): { commonNames: string[]; dnsNames: string[] } | null {
  try {
    // Copied into a plain Uint8Array: the library's types refuse a Buffer that may be shared memory.
    const decoded = new x509.X509Certificate(new Uint8Array(certificate.raw));
    const alternativeNames = decoded.getExtension(x509.SubjectAlternativeNameExtension);
    return {
      commonNames: decoded.subjectName.getField("CN"),
      dnsNames: (alternativeNames?.names.items ?? []).filter((name) => name.type === "dns").map((name) => name.value),
    };
  } catch {
    // Node's parser accepted the certificate but @peculiar/x509 found it malformed: the
    // caller reports the certificate as unreadable rather than guessing its names.
    return null;
  }
}

// "192.0.2.10" has the shape of a host name, but an IP address is not a domain CertDesk can validate.
function isHostName(name: string): boolean {
  return name.length <= 253 && HOST_NAME.test(name) && isIP(name) === 0;
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}
