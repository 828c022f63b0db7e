// The forecast route's page of upcoming fees, parsed with zod. A bad value in a
// hand-made request falls back to the first page instead of failing.
import "server-only";
import { z } from "zod";
import {
  UPCOMING_DEFAULT_PAGE_SIZE,
  UPCOMING_MAX_PAGE,
  UPCOMING_PAGE_SIZES,
  type UpcomingPageParams,
  type UpcomingPageSize,
} from "@/lib/billing/upcoming-deductions-page";
import { firstValues, type SearchInput } from "@/lib/url/search-params";

export const upcomingPageParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(UPCOMING_MAX_PAGE).default(1).catch(1),
  pageSize: z.coerce
    .number()
    .refine((size): size is UpcomingPageSize => (UPCOMING_PAGE_SIZES as readonly number[]).includes(size))
    .default(UPCOMING_DEFAULT_PAGE_SIZE)
    .catch(UPCOMING_DEFAULT_PAGE_SIZE),
});

export function parseUpcomingPageParams(input: SearchInput): UpcomingPageParams {
  return upcomingPageParamsSchema.parse(firstValues(input));
}
