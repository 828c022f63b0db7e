// Billing lists the forecast's fees a page at a time: every fee due in the next 90 days
// can be thousands of rows for a large account. The server projects all of them (each
// fee's coverage depends on those before it) and sends one page; the chart gets each
// day's totals with the first few fees named.
export const UPCOMING_PAGE_SIZES = [10, 25, 50] as const;
export type UpcomingPageSize = (typeof UPCOMING_PAGE_SIZES)[number];
export const UPCOMING_DEFAULT_PAGE_SIZE: UpcomingPageSize = 10;
export const UPCOMING_MAX_PAGE = 100_000;

export type UpcomingPageParams = { page: number; pageSize: UpcomingPageSize };
export const FIRST_UPCOMING_PAGE: UpcomingPageParams = { page: 1, pageSize: UPCOMING_DEFAULT_PAGE_SIZE };

export type PageOf<T> = { items: T[]; page: number; pageSize: number; total: number };

/**
 * The asked-for page of `items`, moved back to the last page when the list has shrunk
 * under it (a run took fees since) so the table never shows an empty page.
 */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): PageOf<T> {
  const size = Math.max(1, Math.floor(pageSize));
  const lastPage = Math.max(1, Math.ceil(items.length / size));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), lastPage);
  return { items: items.slice((shown - 1) * size, shown * size), page: shown, pageSize: size, total: items.length };
}

/** The data route's query for a page, leaving out defaults. */
export function upcomingPageQueryString(params: UpcomingPageParams): string {
  const query = new URLSearchParams();
  if (params.page > 1) query.set("page", String(params.page));
  if (params.pageSize !== UPCOMING_DEFAULT_PAGE_SIZE) query.set("pageSize", String(params.pageSize));
  return query.toString();
}
