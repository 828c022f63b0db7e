// A certificate reduced to what deployment compares and shows: serial, SHA-256 fingerprint,
// names and validity. Pure; the same description serves the deployed bundle and what a
// server presented, so the two are compared field for field.
import { createHash, type X509Certificate } from "node:crypto";
import type { ServedCertificate } from "@/lib/deploy/deployment-contracts";
import { readCertificateNames } from "@/lib/pem/read-certificate-names";

export function describeCertificate(certificate: X509Certificate): ServedCertificate {
  const names = readCertificateNames(certificate);
  return {
    serialNumber: certificate.serialNumber.toUpperCase(),
    fingerprintSha256: createHash("sha256").update(certificate.raw).digest("hex"),
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    // A server may present a certificate whose names do not decode: it still has a fingerprint.
    dnsNames: names ? [...(names.domain ? [names.domain] : []), ...names.sans] : [],
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
  };
}

// Node prints a name one attribute per line, most general first.
function oneLine(name: string): string {
  return name.split("\n").filter(Boolean).join(", ");
}
