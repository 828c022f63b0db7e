import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { type CertificateListParams, certificateListQueryString } from "@/lib/certificates/certificate-list-query";
import type { CertificatePage } from "@/lib/certificates/list-certificates";
import { certificateKeys } from "@/lib/queries/certificates";
import { fetchJson } from "@/lib/queries/fetch-json";

/** One page of My Certificates, for the filters, sort and page in `params`. */
export function certificateListQuery(params: CertificateListParams) {
  return queryOptions({
    queryKey: certificateKeys.list(params),
    queryFn: () => fetchJson<CertificatePage>(`/api/certificates?${certificateListQueryString(params)}`),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
