// The admin certificate list: the My Certificates filters plus the owner (an email
// search). Pure and shared by the page, the data route and the client.
import { z } from "zod";
import { firstValues } from "@/lib/admin/list-params";
import {
  type CertificateListParams,
  certificateListParamsSchema,
  certificateListQueryString,
} from "@/lib/certificates/certificate-list-params";

export const adminCertificateListParamsSchema = certificateListParamsSchema.extend({
  owner: z.string().trim().max(200).optional().catch(undefined),
});

export type AdminCertificateListParams = CertificateListParams & { owner?: string };

export function parseAdminCertificateListParams(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): AdminCertificateListParams {
  return adminCertificateListParamsSchema.parse(firstValues(input));
}

export function adminCertificateListQueryString(params: Partial<AdminCertificateListParams>): string {
  const query = new URLSearchParams(certificateListQueryString(params));
  if (params.owner) query.set("owner", params.owner);
  return query.toString();
}
