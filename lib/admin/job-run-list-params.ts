// The job history's page, as it appears in the URL.
import { z } from "zod";
import { firstValues, pageParam, pageSizeParam, queryString } from "@/lib/admin/list-params";

export const jobRunListParamsSchema = z.object({ page: pageParam, pageSize: pageSizeParam });

export type JobRunListParams = z.infer<typeof jobRunListParamsSchema>;

export function parseJobRunListParams(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): JobRunListParams {
  return jobRunListParamsSchema.parse(firstValues(input));
}

export function jobRunListQueryString(params: Partial<JobRunListParams>): string {
  return queryString({ page: params.page, pageSize: params.pageSize }, { page: 1, pageSize: 20 });
}
