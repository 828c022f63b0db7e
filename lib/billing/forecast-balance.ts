// The balance, day by day, as the renewal job will leave it: each scheduled fee is
// taken on its day if the balance still covers it, and left uncovered otherwise, as
// planRenewalFees decides. Pure and JSON-safe, so the server prefetch and the data route
// send the same thing. Its size does not grow with the number of fees: the days name
// their first few, and the fees themselves come a page at a time.
import type { UpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import {
  FIRST_UPCOMING_PAGE,
  type PageOf,
  pageOf,
  type UpcomingPageParams,
} from "@/lib/billing/upcoming-deductions-page";
import { addDaysToDate, dateInZone, type IsoDate } from "@/lib/billing/zoned-dates";
import { planRenewalFees } from "@/lib/renewal/plan-renewal-fees";
import { addDays } from "@/lib/time";

export const FORECAST_DAYS = 90;
/** Fees named per day for the chart's tooltip and table; the rest are counted. */
export const FEES_NAMED_PER_DAY = 5;

export type ForecastDayFee = { certificateId: string; domain: string; feeMinor: number; covered: boolean };

export type ForecastDay = {
  /** Calendar date in the viewer's zone. */
  date: IsoDate;
  /** Balance at the end of the day. */
  balanceMinor: number;
  /** Fees taken that day. */
  coveredMinor: number;
  /** Fees due that day that the balance will not cover. */
  uncoveredMinor: number;
  /** How many fees fall on the day. */
  feeCount: number;
  /** The first FEES_NAMED_PER_DAY of them, in the order the job takes them. */
  namedFees: ForecastDayFee[];
};

export type ForecastDeduction = {
  certificateId: string;
  domain: string;
  /** When the job deducts (ISO instant); already passed for a fee the next run will take. */
  deductAt: string;
  /** The forecast day it falls on (an overdue fee falls on the first day). */
  date: IsoDate;
  overdue: boolean;
  feeMinor: number;
  currency: string;
  covered: boolean;
  balanceAfterMinor: number;
};

export type BalanceForecast = {
  currency: string;
  balanceMinor: number;
  timeZone: string;
  /** End of the window (ISO instant). */
  until: string;
  days: ForecastDay[];
  /** The asked-for page of every fee in the window, in the order the job takes them. */
  deductions: PageOf<ForecastDeduction>;
  totalFeesMinor: number;
  uncoveredCount: number;
  uncoveredMinor: number;
};

export function forecastBalance(input: {
  upcoming: UpcomingDeductions;
  now: Date;
  timeZone: string;
  days?: number;
  page?: UpcomingPageParams;
}): BalanceForecast {
  const until = addDays(input.now, input.days ?? FORECAST_DAYS);
  const page = input.page ?? FIRST_UPCOMING_PAGE;
  const today = dateInZone(input.now, input.timeZone);
  const lastDay = dateInZone(until, input.timeZone);
  const { account } = input.upcoming;
  const balanceMinor = account?.balanceMinor ?? 0;

  const plan = planRenewalFees({ now: input.now, until, ...input.upcoming });
  const deductions: ForecastDeduction[] = plan.due.map((fee) => {
    const overdue = fee.deductAt.getTime() <= input.now.getTime();
    const day = dateInZone(fee.deductAt, input.timeZone);
    return {
      certificateId: fee.candidate.certificateId,
      domain: fee.candidate.domain,
      deductAt: fee.deductAt.toISOString(),
      date: overdue || day < today ? today : day,
      overdue,
      feeMinor: fee.feeMinor,
      currency: fee.currency,
      covered: fee.outcome === "COVERED",
      balanceAfterMinor: fee.balanceAfterMinor,
    };
  });

  const byDate = deductionsByDate(deductions);
  const days: ForecastDay[] = [];
  let balance = balanceMinor;
  for (let date = today; date <= lastDay; date = addDaysToDate(date, 1)) {
    let coveredMinor = 0;
    let uncoveredMinor = 0;
    const fees = byDate.get(date) ?? [];
    for (const deduction of fees) {
      if (deduction.covered) coveredMinor += deduction.feeMinor;
      else uncoveredMinor += deduction.feeMinor;
      balance = deduction.balanceAfterMinor;
    }
    const namedFees = fees
      .slice(0, FEES_NAMED_PER_DAY)
      .map(({ certificateId, domain, feeMinor, covered }) => ({ certificateId, domain, feeMinor, covered }));
    days.push({ date, balanceMinor: balance, coveredMinor, uncoveredMinor, feeCount: fees.length, namedFees });
  }

  return {
    currency: account?.currency ?? "USD",
    balanceMinor,
    timeZone: input.timeZone,
    until: until.toISOString(),
    days,
    deductions: pageOf(deductions, page.page, page.pageSize),
    totalFeesMinor: plan.dueMinor,
    uncoveredCount: plan.uncoveredCount,
    uncoveredMinor: plan.uncoveredMinor,
  };
}

/** The fees of each forecast day, in the order the job takes them. */
function deductionsByDate(deductions: readonly ForecastDeduction[]): Map<IsoDate, ForecastDeduction[]> {
  const byDate = new Map<IsoDate, ForecastDeduction[]>();
  for (const deduction of deductions) {
    const sameDay = byDate.get(deduction.date);
    if (sameDay) sameDay.push(deduction);
    else byDate.set(deduction.date, [deduction]);
  }
  return byDate;
}
