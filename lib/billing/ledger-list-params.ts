// The ledger filters and page parsed with zod on the server (the page's prefetch and the
// data route). The browser reads the same URL with ledger-list-query.ts, which keeps zod
// out of the client bundle; ledger-list-query.test.ts checks they agree.
import "server-only";
import { z } from "zod";
import {
  LEDGER_DEFAULT_PAGE_SIZE,
  LEDGER_KINDS,
  LEDGER_MAX_PAGE,
  LEDGER_PAGE_SIZES,
  type LedgerListParams,
} from "@/lib/billing/ledger-list-query";
import { addDaysToDate, isIsoDate, startOfDateInZone } from "@/lib/billing/zoned-dates";
import { firstValues, type SearchInput } from "@/lib/url/search-params";

const isoDate = z
  .string()
  .refine((value) => isIsoDate(value))
  .optional()
  .catch(undefined);

// A bad value in a hand-edited URL falls back to the default instead of failing the page.
export const ledgerListParamsSchema = z.object({
  kind: z.enum(LEDGER_KINDS).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
  page: z.coerce.number().int().min(1).max(LEDGER_MAX_PAGE).default(1).catch(1),
  pageSize: z.coerce
    .number()
    .refine((size): size is (typeof LEDGER_PAGE_SIZES)[number] =>
      (LEDGER_PAGE_SIZES as readonly number[]).includes(size),
    )
    .default(LEDGER_DEFAULT_PAGE_SIZE)
    .catch(LEDGER_DEFAULT_PAGE_SIZE),
});

export function parseLedgerListParams(input: SearchInput): LedgerListParams {
  return ledgerListParamsSchema.parse(firstValues(input));
}

/**
 * The instants the date filter covers: from the start of `from` to the start of the day
 * after `to` (exclusive), both on the viewer's calendar. Either end may be open.
 */
export function ledgerDateRange(
  params: Pick<LedgerListParams, "from" | "to">,
  timeZone: string,
): { from?: Date; to?: Date } {
  return {
    from: params.from ? startOfDateInZone(params.from, timeZone) : undefined,
    to: params.to ? startOfDateInZone(addDaysToDate(params.to, 1), timeZone) : undefined,
  };
}
