import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { type CertificateListParams, certificateListQueryString } from "@/lib/certificates/certificate-list-query";
import type { CertificatePage } from "@/lib/certificates/list-certificates";
import { certificateKeys } from "@/lib/queries/certificates";
import { fetchJson } from "@/lib/queries/fetch-json";

/** Where to read the page from: the row before it (`after`) or after it (`before`), from the page on screen. */
export type CertificateListSeek = { after?: string | null; before?: string | null };

/**
 * One page of My Certificates, for the filters, sort and page in `params`. The seek only
 * makes the server's read cheaper (the rows are the page's either way), so it is not part
 * of the query's key.
 */
export function certificateListQuery(params: CertificateListParams, seek: CertificateListSeek = {}) {
  const query = new URLSearchParams(certificateListQueryString(params));
  if (seek.after) query.set("after", seek.after);
  else if (seek.before) query.set("before", seek.before);
  return queryOptions({
    queryKey: certificateKeys.list(params),
    queryFn: () => fetchJson<CertificatePage>(`/api/certificates?${query}`),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
