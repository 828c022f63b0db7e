// The My Certificates filters parsed with zod on the server (the page's prefetch and the
// data route). The browser reads the same URL with certificate-list-query.ts, which
// keeps zod out of the client bundle; certificate-list-query.test.ts checks they agree.
import "server-only";
import { z } from "zod";
import {
  AUTO_RENEW_FILTERS,
  BRAND_MAX_LENGTH,
  type CertificateListParams,
  CURSOR_MAX_LENGTH,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_PAGE,
  PAGE_SIZES,
  SEARCH_MAX_LENGTH,
  SORTS,
  STATUS_FILTERS,
} from "@/lib/certificates/certificate-list-query";
import { firstValues, type SearchInput } from "@/lib/url/search-params";

// A bad value in a hand-edited URL falls back to the default instead of failing the page.
export const certificateListParamsSchema = z.object({
  q: z.string().trim().max(SEARCH_MAX_LENGTH).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  brand: z.string().trim().max(BRAND_MAX_LENGTH).optional().catch(undefined),
  autoRenew: z.enum(AUTO_RENEW_FILTERS).optional().catch(undefined),
  expiring: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((value) => value === "1"),
  sort: z.enum(SORTS).default(DEFAULT_SORT).catch(DEFAULT_SORT),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1).catch(1),
  pageSize: z.coerce
    .number()
    .refine((size): size is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(size))
    .default(DEFAULT_PAGE_SIZE)
    .catch(DEFAULT_PAGE_SIZE),
  // Checked where it is read (parseCertificateCursor): a bad cursor pages by offset.
  after: z.string().max(CURSOR_MAX_LENGTH).optional().catch(undefined),
  before: z.string().max(CURSOR_MAX_LENGTH).optional().catch(undefined),
});

export function parseCertificateListParams(input: SearchInput): CertificateListParams {
  return certificateListParamsSchema.parse(firstValues(input));
}
