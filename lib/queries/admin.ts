import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  type AdminCertificateListParams,
  adminCertificateListQueryString,
} from "@/lib/admin/admin-certificate-list-query";
import type { AdminCertificateDetail } from "@/lib/admin/get-admin-certificate-detail";
import { type JobRunListParams, jobRunListQueryString } from "@/lib/admin/job-run-list-query";
import type { AdminJobRun, AdminJobRunPage } from "@/lib/admin/list-admin-job-runs";
import type { AdminCertificatePage } from "@/lib/admin/list-all-certificates";
import { fetchJson } from "@/lib/queries/fetch-json";

// Everything the admin dashboard loads starts with "admin", apart from customers' own
// ("account", "certificates") keys, so the two never share cached data.
export const adminKeys = {
  all: ["admin"] as const,
  certificates: ["admin", "certificates"] as const,
  certificateList: (params: AdminCertificateListParams) => ["admin", "certificates", "list", params] as const,
  certificate: (id: string) => ["admin", "certificates", "detail", id] as const,
  jobRuns: ["admin", "jobs"] as const,
  jobRunList: (params: JobRunListParams) => ["admin", "jobs", "list", params] as const,
  jobRun: (id: string) => ["admin", "jobs", "run", id] as const,
};

export function adminCertificateListQuery(params: AdminCertificateListParams) {
  return queryOptions({
    queryKey: adminKeys.certificateList(params),
    queryFn: () =>
      fetchJson<AdminCertificatePage>(`/api/admin/certificates?${adminCertificateListQueryString(params)}`),
    placeholderData: keepPreviousData,
  });
}

export function adminCertificateDetailQuery(id: string) {
  return queryOptions({
    queryKey: adminKeys.certificate(id),
    queryFn: () => fetchJson<AdminCertificateDetail>(`/api/admin/certificates/${encodeURIComponent(id)}`),
  });
}

export function jobRunListQuery(params: JobRunListParams) {
  return queryOptions({
    queryKey: adminKeys.jobRunList(params),
    queryFn: () => fetchJson<AdminJobRunPage>(`/api/admin/jobs?${jobRunListQueryString(params)}`),
    placeholderData: keepPreviousData,
  });
}

/** How often a running run is polled for its progress. */
export const JOB_RUN_POLL_MS = 1_000;

/** One run; polled every second while it is RUNNING, then left alone. */
export function jobRunQuery(id: string) {
  return queryOptions({
    queryKey: adminKeys.jobRun(id),
    queryFn: () => fetchJson<AdminJobRun>(`/api/admin/jobs/${encodeURIComponent(id)}`),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === "RUNNING" ? JOB_RUN_POLL_MS : false),
    refetchIntervalInBackground: true,
  });
}
