import "server-only";
import { type BalanceForecast, FORECAST_DAYS, forecastBalance } from "@/lib/billing/forecast-balance";
import { getAccountBalance } from "@/lib/billing/get-account-balance";
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
  const [balance, deductions] = await Promise.all([
    getAccountBalance(ownerId),
    listUpcomingDeductions(ownerId, now, addDays(now, FORECAST_DAYS)),
  ]);
  return forecastBalance({
    balanceMinor: balance.balanceMinor,
    currency: balance.currency,
    deductions,
    now,
    timeZone,
    days: FORECAST_DAYS,
    page,
  });
}
