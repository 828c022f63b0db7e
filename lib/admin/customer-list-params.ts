// The customer list's search, status filter and page, as they appear in the URL.
import { z } from "zod";
import { pageParam, pageSizeParam, searchParam } from "@/lib/admin/list-params";
import { firstValues, queryString } from "@/lib/url/search-params";

export const CUSTOMER_STATUSES = ["active", "disabled"] as const;
export const CUSTOMER_ROLES = ["CUSTOMER", "ADMIN"] as const;

export const customerListParamsSchema = z.object({
  q: searchParam,
  status: z.enum(CUSTOMER_STATUSES).optional().catch(undefined),
  role: z.enum(CUSTOMER_ROLES).optional().catch(undefined),
  page: pageParam,
  pageSize: pageSizeParam,
});

export type CustomerListParams = z.infer<typeof customerListParamsSchema>;

export function parseCustomerListParams(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): CustomerListParams {
  return customerListParamsSchema.parse(firstValues(input));
}

export function customerListQueryString(params: Partial<CustomerListParams>): string {
  return queryString(
    { q: params.q, status: params.status, role: params.role, page: params.page, pageSize: params.pageSize },
    { page: 1, pageSize: 20 },
  );
}
