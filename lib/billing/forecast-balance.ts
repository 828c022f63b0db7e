// The balance, day by day, as the renewal job will leave it: each scheduled fee is
// taken on its day if the balance still covers it (projectDeductions), and left
// uncovered otherwise. Pure and JSON-safe, so the server prefetch and the data route
// send the same thing.
import { projectDeductions, type UpcomingDeduction } from "@/lib/billing/project-deductions";
import { addDaysToDate, dateInZone, type IsoDate } from "@/lib/billing/zoned-dates";
import { addDays } from "@/lib/time";

export const FORECAST_DAYS = 90;

export type ForecastDay = {
  /** Calendar date in the viewer's zone. */
  date: IsoDate;
  /** Balance at the end of the day. */
  balanceMinor: number;
  /** Fees taken that day. */
  coveredMinor: number;
  /** Fees due that day that the balance will not cover. */
  uncoveredMinor: number;
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
  deductions: ForecastDeduction[];
  totalFeesMinor: number;
  uncoveredCount: number;
  uncoveredMinor: number;
};

export function forecastBalance(input: {
  balanceMinor: number;
  currency: string;
  deductions: readonly UpcomingDeduction[];
  now: Date;
  timeZone: string;
  days?: number;
}): BalanceForecast {
  const until = addDays(input.now, input.days ?? FORECAST_DAYS);
  const today = dateInZone(input.now, input.timeZone);
  const lastDay = dateInZone(until, input.timeZone);
  const inWindow = input.deductions.filter((deduction) => deduction.deductAt.getTime() <= until.getTime());

  const deductions: ForecastDeduction[] = projectDeductions(input.balanceMinor, inWindow).map((projected) => {
    const overdue = projected.deductAt.getTime() <= input.now.getTime();
    const day = dateInZone(projected.deductAt, input.timeZone);
    return {
      certificateId: projected.certificateId,
      domain: projected.domain,
      deductAt: projected.deductAt.toISOString(),
      date: overdue || day < today ? today : day,
      overdue,
      feeMinor: projected.feeMinor,
      currency: projected.currency,
      covered: projected.covered,
      balanceAfterMinor: projected.balanceAfterMinor,
    };
  });

  const byDate = deductionsByDate(deductions);
  const days: ForecastDay[] = [];
  let balance = input.balanceMinor;
  for (let date = today; date <= lastDay; date = addDaysToDate(date, 1)) {
    let coveredMinor = 0;
    let uncoveredMinor = 0;
    for (const deduction of byDate.get(date) ?? []) {
      if (deduction.covered) coveredMinor += deduction.feeMinor;
      else uncoveredMinor += deduction.feeMinor;
      balance = deduction.balanceAfterMinor;
    }
    days.push({ date, balanceMinor: balance, coveredMinor, uncoveredMinor });
  }

  const uncovered = deductions.filter((deduction) => !deduction.covered);
  return {
    currency: input.currency,
    balanceMinor: input.balanceMinor,
    timeZone: input.timeZone,
    until: until.toISOString(),
    days,
    deductions,
    totalFeesMinor: deductions.reduce((sum, deduction) => sum + deduction.feeMinor, 0),
    uncoveredCount: uncovered.length,
    uncoveredMinor: uncovered.reduce((sum, deduction) => sum + deduction.feeMinor, 0),
  };
}

/** The fees of each forecast day, in the order the job takes them. */
export function deductionsByDate(deductions: readonly ForecastDeduction[]): Map<IsoDate, ForecastDeduction[]> {
  const byDate = new Map<IsoDate, ForecastDeduction[]>();
  for (const deduction of deductions) {
    const sameDay = byDate.get(deduction.date);
    if (sameDay) sameDay.push(deduction);
    else byDate.set(deduction.date, [deduction]);
  }
  return byDate;
}
