// The My Certificates filters, as they appear in the URL, for the browser: the list
// component reads them with readCertificateListQuery, while the page and the data route
// parse the same URL with zod (certificate-list-params.ts); a test checks they agree.
import { firstValues, integerIn, numberOneOf, oneOf, type SearchInput, trimmedText } from "@/lib/url/search-params";

export const STATUS_FILTERS = [
  "ISSUED",
  "REISSUING",
  "EXPIRED",
  "PENDING",
  "FAILED",
  "CANCELED",
  "REVOKED",
  "PENDING_LETTER_UPLOAD",
  "ORGANIZATION_REVIEW",
  "ORGANIZATION_REJECTED",
] as const;
export const AUTO_RENEW_FILTERS = ["ON", "OFF", "TERMINATED"] as const;
export const SORTS = ["expiresAt.asc", "expiresAt.desc", "createdAt.desc"] as const;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const SEARCH_MAX_LENGTH = 200;
export const BRAND_MAX_LENGTH = 40;
export const MAX_PAGE = 100_000;
export const CURSOR_MAX_LENGTH = 100;
export const DEFAULT_SORT = "expiresAt.asc" satisfies (typeof SORTS)[number];
export const DEFAULT_PAGE_SIZE = 20 satisfies (typeof PAGE_SIZES)[number];

export type CertificateListParams = {
  q?: string;
  status?: (typeof STATUS_FILTERS)[number];
  brand?: string;
  autoRenew?: (typeof AUTO_RENEW_FILTERS)[number];
  expiring: boolean;
  sort: (typeof SORTS)[number];
  page: number;
  pageSize: (typeof PAGE_SIZES)[number];
  /**
   * For the data route only, never in the page's URL: the browser's previous page's last
   * row (`after`) or its next page's first row (`before`), from which the page is read
   * through an index (certificate-list-seek.ts); the rows are those of `page` all the same.
   */
  after?: string;
  before?: string;
};

export function readCertificateListQuery(input: SearchInput): CertificateListParams {
  const values = firstValues(input);
  return {
    q: trimmedText(values.q, SEARCH_MAX_LENGTH),
    status: oneOf(values.status, STATUS_FILTERS),
    brand: trimmedText(values.brand, BRAND_MAX_LENGTH),
    autoRenew: oneOf(values.autoRenew, AUTO_RENEW_FILTERS),
    expiring: values.expiring === "1",
    sort: oneOf(values.sort, SORTS) ?? DEFAULT_SORT,
    page: integerIn(values.page, 1, MAX_PAGE, 1),
    pageSize: numberOneOf(values.pageSize, PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

/** The URL query for these params, leaving out defaults so URLs stay short. */
export function certificateListQueryString(params: Partial<CertificateListParams>): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.status) query.set("status", params.status);
  if (params.brand) query.set("brand", params.brand);
  if (params.autoRenew) query.set("autoRenew", params.autoRenew);
  if (params.expiring) query.set("expiring", "1");
  if (params.sort && params.sort !== DEFAULT_SORT) query.set("sort", params.sort);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  if (params.pageSize && params.pageSize !== DEFAULT_PAGE_SIZE) query.set("pageSize", String(params.pageSize));
  return query.toString();
}
