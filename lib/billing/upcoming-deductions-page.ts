// The Billing page lists the forecast's fees a page at a time: every fee due in the
// next 90 days can be thousands of rows for a large account, each rendered as a table
// row and a phone card, while the chart and the totals still use all of them.
export const UPCOMING_PAGE_SIZES = [10, 25, 50] as const;
export type UpcomingPageSize = (typeof UPCOMING_PAGE_SIZES)[number];
export const UPCOMING_DEFAULT_PAGE_SIZE: UpcomingPageSize = 10;

export type PageOf<T> = { items: T[]; page: number; pageSize: number; total: number };

/**
 * The asked-for page of `items`, moved back to the last page when the list has shrunk
 * under it (a refetch after a run took fees) so the table never shows an empty page.
 */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): PageOf<T> {
  const size = Math.max(1, Math.floor(pageSize));
  const lastPage = Math.max(1, Math.ceil(items.length / size));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), lastPage);
  return { items: items.slice((shown - 1) * size, shown * size), page: shown, pageSize: size, total: items.length };
}
