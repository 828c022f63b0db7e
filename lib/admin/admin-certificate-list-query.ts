// The admin certificate list as it appears in the URL, for the browser: the My
// Certificates filters plus the owner (an email search). The page and the data route
// parse the same URL with zod (admin-certificate-list-params.ts); a test checks they agree.
import {
  type CertificateListParams,
  certificateListQueryString,
  readCertificateListQuery,
} from "@/lib/certificates/certificate-list-query";
import { firstValues, type SearchInput, trimmedText } from "@/lib/url/search-params";

export const OWNER_MAX_LENGTH = 200;

export type AdminCertificateListParams = CertificateListParams & { owner?: string };

export function readAdminCertificateListQuery(input: SearchInput): AdminCertificateListParams {
  const values = firstValues(input);
  return { ...readCertificateListQuery(values), owner: trimmedText(values.owner, OWNER_MAX_LENGTH) };
}

export function adminCertificateListQueryString(params: Partial<AdminCertificateListParams>): string {
  const query = new URLSearchParams(certificateListQueryString(params));
  if (params.owner) query.set("owner", params.owner);
  return query.toString();
}
