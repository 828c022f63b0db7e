// The admin certificate list parsed with zod on the server: the My Certificates filters
// plus the owner (an email search). The browser reads the same URL with
// admin-certificate-list-query.ts; admin-certificate-list-query.test.ts checks they agree.
import "server-only";
import { z } from "zod";
import { type AdminCertificateListParams, OWNER_MAX_LENGTH } from "@/lib/admin/admin-certificate-list-query";
import { certificateListParamsSchema } from "@/lib/certificates/certificate-list-params";
import { firstValues, type SearchInput } from "@/lib/url/search-params";

export const adminCertificateListParamsSchema = certificateListParamsSchema.extend({
  owner: z.string().trim().max(OWNER_MAX_LENGTH).optional().catch(undefined),
});

export function parseAdminCertificateListParams(input: SearchInput): AdminCertificateListParams {
  return adminCertificateListParamsSchema.parse(firstValues(input));
}
