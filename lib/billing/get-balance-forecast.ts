import "server-only";
import { type BalanceForecast, FORECAST_DAYS, forecastBalance } from "@/lib/billing/forecast-balance";
import { listUpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import type { UpcomingPageParams } from "@/lib/billing/upcoming-deductions-page";
import { addDays } from "@/lib/time";

/**
 * Billing's forecast: the owner's balance over the next 90 days against the scheduled
 * renewal fees, with one page of those fees.
 */
export async function getBalanceForecast(
  ownerId: string,
  now: Date,
  timeZone: string,
  page?: UpcomingPageParams,
): Promise<BalanceForecast> {
  const upcoming = await listUpcomingDeductions(ownerId, { now, until: addDays(now, FORECAST_DAYS) });
  return forecastBalance({ upcoming, now, timeZone, days: FORECAST_DAYS, page });
}
