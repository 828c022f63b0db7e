// The ledger filters and page, as they appear in the URL. Pure and shared by the page
// (server prefetch), the data route and the client, so all three ask for the same thing.
import { z } from "zod";
import { addDaysToDate, isIsoDate, startOfDateInZone } from "@/lib/billing/zoned-dates";
import type { LedgerKind } from "@/lib/generated/prisma/enums";

export const LEDGER_KINDS = [
  "TOP_UP",
  "RENEWAL_DEDUCTION",
  "MANUAL_RENEWAL",
  "REFUND",
  "ADMIN_CREDIT",
  "ADMIN_DEBIT",
] as const satisfies readonly LedgerKind[];

export const LEDGER_PAGE_SIZES = [10, 20, 50] as const;
const DEFAULT_PAGE_SIZE = 20;

const isoDate = z
  .string()
  .refine((value) => isIsoDate(value))
  .optional()
  .catch(undefined);

// A bad value in a hand-edited URL falls back to the default instead of failing the page.
export const ledgerListParamsSchema = z.object({
  kind: z.enum(LEDGER_KINDS).optional().catch(undefined),
  /** First calendar day shown, in the viewer's time zone. */
  from: isoDate,
  /** Last calendar day shown (inclusive), in the viewer's time zone. */
  to: isoDate,
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce
    .number()
    .refine((size): size is (typeof LEDGER_PAGE_SIZES)[number] =>
      (LEDGER_PAGE_SIZES as readonly number[]).includes(size),
    )
    .default(DEFAULT_PAGE_SIZE)
    .catch(DEFAULT_PAGE_SIZE),
});

export type LedgerListParams = z.infer<typeof ledgerListParamsSchema>;

export function parseLedgerListParams(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): LedgerListParams {
  const record: Record<string, string | undefined> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined && single !== "" && !(key in record)) record[key] = single;
  }
  return ledgerListParamsSchema.parse(record);
}

/** The URL query for these params, leaving out defaults so URLs stay short. */
export function ledgerListQueryString(params: Partial<LedgerListParams>): string {
  const query = new URLSearchParams();
  if (params.kind) query.set("kind", params.kind);
  if (params.from) query.set("from", params.from);
  if (params.to) query.set("to", params.to);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  if (params.pageSize && params.pageSize !== DEFAULT_PAGE_SIZE) query.set("pageSize", String(params.pageSize));
  return query.toString();
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
