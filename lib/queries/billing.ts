import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { BalanceForecast } from "@/lib/billing/forecast-balance";
import { type LedgerListParams, ledgerListQueryString } from "@/lib/billing/ledger-list-query";
import type { LedgerPage } from "@/lib/billing/list-ledger-entries";
import { type UpcomingPageParams, upcomingPageQueryString } from "@/lib/billing/upcoming-deductions-page";
import { fetchJson } from "@/lib/queries/fetch-json";

// Under "account" like the balance and the warning, so invalidating accountKeys.all
// after a top-up refreshes the header, the banner and everything on Billing at once.
export const billingKeys = {
  ledgers: ["account", "ledger"] as const,
  ledger: (params: LedgerListParams) => ["account", "ledger", params] as const,
  forecast: (page: UpcomingPageParams) => ["account", "forecast", page] as const,
};

export function ledgerQuery(params: LedgerListParams) {
  return queryOptions({
    queryKey: billingKeys.ledger(params),
    queryFn: () => fetchJson<LedgerPage>(`/api/billing/ledger?${ledgerListQueryString(params)}`),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** The forecast with one page of its fees; the chart and the balance card read the first page's. */
export function forecastQuery(page: UpcomingPageParams) {
  const query = upcomingPageQueryString(page);
  return queryOptions({
    queryKey: billingKeys.forecast(page),
    queryFn: () => fetchJson<BalanceForecast>(`/api/billing/forecast${query ? `?${query}` : ""}`),
    placeholderData: keepPreviousData,
  });
}
