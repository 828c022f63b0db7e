import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/fetch-json";
import type { CertificateDeployment } from "@/lib/resources/get-certificate-deployment";
import type { CloudResourceItem } from "@/lib/resources/list-cloud-resources";

// The deployment facts of a certificate live under "certificates", so the invalidation
// after any certificate change refreshes them too; the resource list has its own key.
export const resourceKeys = {
  all: ["resources"] as const,
  deployment: (certificateId: string) => ["certificates", "deployment", certificateId] as const,
};

export const cloudResourcesQuery = queryOptions({
  queryKey: resourceKeys.all,
  queryFn: () => fetchJson<CloudResourceItem[]>("/api/resources"),
  staleTime: 0,
});

export function certificateDeploymentQuery(certificateId: string) {
  return queryOptions({
    queryKey: resourceKeys.deployment(certificateId),
    queryFn: () =>
      fetchJson<CertificateDeployment>(`/api/certificates/${encodeURIComponent(certificateId)}/deployment`),
  });
}
