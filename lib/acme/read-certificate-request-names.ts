// The DNS names a PKCS#10 request asks for (subject CN and SAN), to check a CSR against
// the order before the CA sees it.
import { x509 } from "@/lib/ca/x509";

const SUBJECT_ALT_NAME = "2.5.29.17";

/** Lower-case, de-duplicated; null when `pem` is not a readable CSR. */
export function readCertificateRequestNames(pem: string): string[] | null {
  let request: x509.Pkcs10CertificateRequest;
  try {
    request = new x509.Pkcs10CertificateRequest(pem);
  } catch {
    return null;
  }
  const names: string[] = [];
  const commonName = request.subjectName.getField("CN")[0];
  if (commonName) names.push(commonName);
  const extension = request.getExtension(SUBJECT_ALT_NAME);
  const san = extension ? new x509.SubjectAlternativeNameExtension(extension.rawData) : null;
  for (const name of san?.names.items ?? []) {
    if (name.type === "dns") names.push(name.value);
  }
  return [...new Set(names.map((name) => name.toLowerCase().replace(/\.$/, "")))];
}
