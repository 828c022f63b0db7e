// After a deployment (and whenever the customer presses Verify, or the renewal job re-checks),
// connects to each endpoint the target names and compares what it serves with what was
// deployed. A server reloads in the background after its reload command returns, so an
// endpoint that does not serve the new certificate yet is probed again, with growing pauses,
// until `settleMs` has passed; its last answer is the verdict. While nginx (and others)
// reload, the workers of the old configuration still accept a few connections after a new
// worker answered, so "serving" counts once two probes in a row said so.
import "server-only";
import { setTimeout as wait } from "node:timers/promises";
import { systemNow } from "@/lib/clock";
import { compareServedCertificate } from "@/lib/deploy/compare-served-certificate";
import type {
  CertificateBundle,
  DeploymentVerification,
  EndpointVerification,
  TlsEndpoint,
} from "@/lib/deploy/deployment-contracts";
import { type DeployedCertificate, describeCertificateBundle } from "@/lib/deploy/describe-certificate-bundle";
import { probeTlsEndpoint } from "@/lib/deploy/probe-tls-endpoint";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";

export const DEFAULT_SETTLE_MS = 10_000;
const FIRST_PAUSE_MS = 250;
const LONGEST_PAUSE_MS = 2_000;

export async function verifyDeployment(input: {
  bundle: CertificateBundle;
  endpoints: readonly TlsEndpoint[];
  /** Trust anchors (PEM) for the "trusted" report; default Node's root store. */
  ca?: string;
  /** How long an endpoint may take to start serving the new certificate. 0: one probe. */
  settleMs?: number;
  timeoutMs?: number;
  addressPermit?: PrivateAddressPermit;
}): Promise<DeploymentVerification> {
  const deployed = describeCertificateBundle(input.bundle);
  const endpoints = await Promise.all(
    input.endpoints.map((endpoint) => verifyEndpoint(endpoint, deployed, input.settleMs ?? DEFAULT_SETTLE_MS, input)),
  );
  return {
    status:
      endpoints.length > 0 && endpoints.every((endpoint) => endpoint.status === "SERVING") ? "SERVING" : "NOT_SERVING",
    endpoints,
    checkedAt: systemNow().toISOString(),
  };
}

async function verifyEndpoint(
  endpoint: TlsEndpoint,
  deployed: DeployedCertificate,
  settleMs: number,
  options: { ca?: string; timeoutMs?: number; addressPermit?: PrivateAddressPermit },
): Promise<EndpointVerification> {
  let waited = 0;
  let pause = FIRST_PAUSE_MS;
  let servingInARow = 0;
  for (;;) {
    const verdict = compareServedCertificate(endpoint, deployed, await probeTlsEndpoint(endpoint, options));
    servingInARow = verdict.status === "SERVING" ? servingInARow + 1 : 0;
    // A refused address does not change by waiting; one probe is all a zero budget allows.
    const refused = verdict.status === "UNREACHABLE" && verdict.reason === "ADDRESS_REFUSED";
    if (servingInARow >= 2 || refused || settleMs === 0) return verdict;
    const next = servingInARow === 1 ? FIRST_PAUSE_MS : pause;
    if (waited + next > settleMs) return verdict;
    await wait(next);
    waited += next;
    if (servingInARow === 0) pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
  }
}
