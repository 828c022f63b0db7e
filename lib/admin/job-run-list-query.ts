// The job history's page as it appears in the URL, for the browser. The page and the
// data route parse the same URL with zod (job-run-list-params.ts); a test checks they agree.
import { ADMIN_DEFAULT_PAGE_SIZE, ADMIN_MAX_PAGE, ADMIN_PAGE_SIZES, type AdminPageSize } from "@/lib/admin/page-sizes";
import { firstValues, integerIn, numberOneOf, queryString, type SearchInput } from "@/lib/url/search-params";

export type JobRunListParams = { page: number; pageSize: AdminPageSize };

export function readJobRunListQuery(input: SearchInput): JobRunListParams {
  const values = firstValues(input);
  return {
    page: integerIn(values.page, 1, ADMIN_MAX_PAGE, 1),
    pageSize: numberOneOf(values.pageSize, ADMIN_PAGE_SIZES, ADMIN_DEFAULT_PAGE_SIZE),
  };
}

export function jobRunListQueryString(params: Partial<JobRunListParams>): string {
  return queryString({ page: params.page, pageSize: params.pageSize }, { page: 1, pageSize: ADMIN_DEFAULT_PAGE_SIZE });
}
