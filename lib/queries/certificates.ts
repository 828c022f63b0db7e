import { queryOptions } from "@tanstack/react-query";
import type { CertificateListParams } from "@/lib/certificates/certificate-list-query";
import type { CertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { fetchJson } from "@/lib/queries/fetch-json";
import type { AutoRenewOffer } from "@/lib/renewal/get-auto-renew-offer";
import type { ManualRenewalOffer } from "@/lib/renewal/get-manual-renewal-offer";

// The list's query (with the URL reader it needs) is in certificate-list.ts: the pages that
// only invalidate it do not load that code.
export const certificateKeys = {
  all: ["certificates"] as const,
  lists: ["certificates", "list"] as const,
  list: (params: CertificateListParams) => ["certificates", "list", params] as const,
  offer: (id: string) => ["certificates", "auto-renew-offer", id] as const,
  detail: (id: string) => ["certificates", "detail", id] as const,
  manualOffer: (id: string) => ["certificates", "manual-renewal-offer", id] as const,
};

export function manualRenewalOfferQuery(certificateId: string) {
  return queryOptions({
    queryKey: certificateKeys.manualOffer(certificateId),
    queryFn: () =>
      fetchJson<ManualRenewalOffer>(`/api/certificates/${encodeURIComponent(certificateId)}/manual-renewal-offer`),
    staleTime: 0,
  });
}

export function certificateDetailQuery(certificateId: string) {
  return queryOptions({
    queryKey: certificateKeys.detail(certificateId),
    queryFn: () => fetchJson<CertificateDetail>(`/api/certificates/${encodeURIComponent(certificateId)}`),
  });
}

export function autoRenewOfferQuery(certificateId: string) {
  return queryOptions({
    queryKey: certificateKeys.offer(certificateId),
    queryFn: () => fetchJson<AutoRenewOffer>(`/api/certificates/${encodeURIComponent(certificateId)}/auto-renew-offer`),
    staleTime: 0,
  });
}
