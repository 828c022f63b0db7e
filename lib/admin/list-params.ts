// Shared pieces of the admin list filters as they appear in URLs: a bad value in a
// hand-edited URL falls back to the default instead of failing the page.
import { z } from "zod";

export const ADMIN_PAGE_SIZES = [20, 50, 100] as const;
export type AdminPageSize = (typeof ADMIN_PAGE_SIZES)[number];

export const pageParam = z.coerce.number().int().min(1).max(100_000).default(1).catch(1);

export const pageSizeParam = z.coerce
  .number()
  .refine((size): size is AdminPageSize => (ADMIN_PAGE_SIZES as readonly number[]).includes(size))
  .default(20)
  .catch(20);

export const searchParam = z.string().trim().max(200).optional().catch(undefined);

/** The first value of each non-empty parameter, from a page's searchParams or a URL. */
export function firstValues(
  input: Record<string, string | string[] | undefined> | URLSearchParams,
): Record<string, string> {
  const record: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined && single !== "" && !(key in record)) record[key] = single;
  }
  return record;
}

/** A URL query from these values, leaving out empty ones and the given defaults. */
export function queryString(
  values: Record<string, string | number | undefined>,
  defaults: Record<string, string | number> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "" || defaults[key] === value) continue;
    query.set(key, String(value));
  }
  return query.toString();
}
