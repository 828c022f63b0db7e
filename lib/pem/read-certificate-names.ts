import type { X509Certificate } from "node:crypto";

export type CertificateNames = {
  // The name the certificate is bound to: its subject CN when that is a host name, else its first DNS SAN.
  domain: string | null;
  // Every other DNS name it covers, in certificate order, without duplicates.
  sans: string[];
  isWildcard: boolean;
};

// A host name, optionally with a leading wildcard label. Underscores occur in real certificates
// (service names), so they are let through.
const HOST_NAME = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$/;

/** The DNS names a certificate covers, lower-cased; IP addresses and e-mail SANs are not domains. */
export function readCertificateNames(certificate: X509Certificate): CertificateNames {
  const dnsNames = dedupe(readDnsSans(certificate.subjectAltName).filter(isHostName));
  const commonName = readCommonName(certificate.subject);
  const domain = commonName && isHostName(commonName) ? commonName : (dnsNames[0] ?? null);
  const sans = dnsNames.filter((name) => name !== domain);
  const isWildcard = [domain, ...sans].some((name) => name?.startsWith("*.") === true);
  return { domain, sans, isWildcard };
}

// Node renders SANs as "DNS:a.example, DNS:b.example, IP Address:…" and JSON-quotes a value
// that contains separators, which no valid host name does.
function readDnsSans(subjectAltName: string | undefined): string[] {
  if (!subjectAltName) return [];
  return subjectAltName
    .split(", ")
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => unquote(entry.slice("DNS:".length)).toLowerCase());
}

// Node renders the subject one attribute per line ("C=US\nO=…\nCN=…"). When there are
// several CNs the last is the most specific, as OpenSSL reads it.
function readCommonName(subject: string): string | null {
  const values = subject
    .split("\n")
    .filter((line) => line.startsWith("CN="))
    .map((line) => unquote(line.slice("CN=".length)).toLowerCase());
  return values.at(-1) ?? null;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "string" ? parsed : value;
  } catch {
    return value;
  }
}

function isHostName(name: string): boolean {
  return name.length <= 253 && HOST_NAME.test(name);
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}
