// The audit log's filters and page, as they appear in the URL. Dates are calendar
// days in the viewer's time zone.
import { z } from "zod";
import { pageParam, pageSizeParam, searchParam } from "@/lib/admin/list-params";
import { isIsoDate } from "@/lib/billing/zoned-dates";
import { firstValues, queryString } from "@/lib/url/search-params";

const isoDate = z
  .string()
  .refine((value) => isIsoDate(value))
  .optional()
  .catch(undefined);

export const auditListParamsSchema = z.object({
  action: z
    .string()
    .trim()
    .max(80)
    .regex(/^[\w.:-]+$/)
    .optional()
    .catch(undefined),
  actor: searchParam,
  target: z.string().trim().max(200).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  page: pageParam,
  pageSize: pageSizeParam,
});

export type AuditListParams = z.infer<typeof auditListParamsSchema>;

export function parseAuditListParams(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): AuditListParams {
  return auditListParamsSchema.parse(firstValues(input));
}

export function auditListQueryString(params: Partial<AuditListParams>): string {
  return queryString(
    {
      action: params.action,
      actor: params.actor,
      target: params.target,
      from: params.from,
      to: params.to,
      page: params.page,
      pageSize: params.pageSize,
    },
    { page: 1, pageSize: 20 },
  );
}
