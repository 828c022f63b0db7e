// The ledger filters and page, as they appear in the URL, for the browser: the ledger
// component reads them with readLedgerListQuery, while the page and the data route parse
// the same URL with zod (ledger-list-params.ts); a test checks they agree.

import { isIsoDate } from "@/lib/billing/zoned-dates";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import { firstValues, integerIn, numberOneOf, oneOf, type SearchInput } from "@/lib/url/search-params";

export const LEDGER_KINDS = [
  "TOP_UP",
  "RENEWAL_DEDUCTION",
  "MANUAL_RENEWAL",
  "REFUND",
  "ADMIN_CREDIT",
  "ADMIN_DEBIT",
  "PURCHASE",
] as const satisfies readonly LedgerKind[];

export const LEDGER_PAGE_SIZES = [10, 20, 50] as const;
export const LEDGER_DEFAULT_PAGE_SIZE = 20 satisfies (typeof LEDGER_PAGE_SIZES)[number];
export const LEDGER_MAX_PAGE = 100_000;

export type LedgerListParams = {
  kind?: (typeof LEDGER_KINDS)[number];
  /** First calendar day shown, in the viewer's time zone. */
  from?: string;
  /** Last calendar day shown (inclusive), in the viewer's time zone. */
  to?: string;
  page: number;
  pageSize: (typeof LEDGER_PAGE_SIZES)[number];
};

const isoDateOrUndefined = (value: string | undefined) => (value !== undefined && isIsoDate(value) ? value : undefined);

export function readLedgerListQuery(input: SearchInput): LedgerListParams {
  const values = firstValues(input);
  return {
    kind: oneOf(values.kind, LEDGER_KINDS),
    from: isoDateOrUndefined(values.from),
    to: isoDateOrUndefined(values.to),
    page: integerIn(values.page, 1, LEDGER_MAX_PAGE, 1),
    pageSize: numberOneOf(values.pageSize, LEDGER_PAGE_SIZES, LEDGER_DEFAULT_PAGE_SIZE),
  };
}

/** The URL query for these params, leaving out defaults so URLs stay short. */
export function ledgerListQueryString(params: Partial<LedgerListParams>): string {
  const query = new URLSearchParams();
  if (params.kind) query.set("kind", params.kind);
  if (params.from) query.set("from", params.from);
  if (params.to) query.set("to", params.to);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  if (params.pageSize && params.pageSize !== LEDGER_DEFAULT_PAGE_SIZE) query.set("pageSize", String(params.pageSize));
  return query.toString();
}
