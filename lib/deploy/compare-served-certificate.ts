// Whether an endpoint serves what was deployed: "serving" only when the leaf it presents is
// the deployed one (same SHA-256 fingerprint, not merely the same names or serial) and the
// chain it sends contains every deployed intermediate. Anything else is "deployed but not
// serving", with what was served instead. Pure.

import type { EndpointVerification, TlsEndpoint, TlsProbeResult } from "@/lib/deploy/deployment-contracts";
import type { DeployedCertificate } from "@/lib/deploy/describe-certificate-bundle";

export function compareServedCertificate(
  endpoint: TlsEndpoint,
  deployed: DeployedCertificate,
  probe: TlsProbeResult,
): EndpointVerification {
  if (!probe.ok) return { status: "UNREACHABLE", endpoint, reason: probe.reason, message: probe.message };
  const { leaf, trusted, trustError } = probe;
  if (leaf.fingerprintSha256 !== deployed.leaf.fingerprintSha256) {
    return {
      status: "NOT_SERVING",
      endpoint,
      mismatch: "OTHER_CERTIFICATE",
      served: leaf,
      missingIntermediates: [],
      trusted,
      trustError,
    };
  }
  const sent = new Set(probe.chain.map((certificate) => certificate.fingerprintSha256));
  const missing = deployed.intermediates.filter((certificate) => !sent.has(certificate.fingerprintSha256));
  if (missing.length > 0) {
    return {
      status: "NOT_SERVING",
      endpoint,
      mismatch: "CHAIN_INCOMPLETE",
      served: leaf,
      missingIntermediates: missing.map((certificate) => certificate.subject),
      trusted,
      trustError,
    };
  }
  return { status: "SERVING", endpoint, served: leaf, trusted, trustError };
}
