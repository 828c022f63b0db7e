import { queryOptions } from "@tanstack/react-query";
import type { CertificateTargetDeployments } from "@/lib/deployment-targets/get-certificate-target-deployments";
import type { DeploymentTargetItem } from "@/lib/deployment-targets/list-deployment-targets";
import { fetchJson } from "@/lib/queries/fetch-json";

// A certificate's deployments live under "certificates" too, so the invalidation after any
// certificate change (a renewal, a deployment) refreshes them.
export const deploymentTargetKeys = {
  all: ["deployment-targets"] as const,
  certificate: (certificateId: string) => ["certificates", "target-deployments", certificateId] as const,
};

export const deploymentTargetsQuery = queryOptions({
  queryKey: deploymentTargetKeys.all,
  queryFn: () => fetchJson<DeploymentTargetItem[]>("/api/deployment-targets"),
});

export function certificateTargetDeploymentsQuery(certificateId: string) {
  return queryOptions({
    queryKey: deploymentTargetKeys.certificate(certificateId),
    queryFn: () =>
      fetchJson<CertificateTargetDeployments>(
        `/api/certificates/${encodeURIComponent(certificateId)}/target-deployments`,
      ),
  });
}
