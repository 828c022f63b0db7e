// The job history's page parsed with zod on the server. The browser reads the same URL
// with job-run-list-query.ts; job-run-list-query.test.ts checks they agree.
import "server-only";
import { z } from "zod";
import type { JobRunListParams } from "@/lib/admin/job-run-list-query";
import { pageParam, pageSizeParam } from "@/lib/admin/list-params";
import { firstValues, type SearchInput } from "@/lib/url/search-params";

export const jobRunListParamsSchema = z.object({ page: pageParam, pageSize: pageSizeParam });

export function parseJobRunListParams(input: SearchInput): JobRunListParams {
  return jobRunListParamsSchema.parse(firstValues(input));
}
