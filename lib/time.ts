// Calendar arithmetic on UTC instants. Pure: callers pass the instants in.
export const MS_PER_DAY = 24 * 60 * 60 * 1000;

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * MS_PER_DAY);
}

/** Whole days from `now` until `until`, rounded down (negative once passed). */
export function wholeDaysBetween(now: Date, until: Date): number {
  return Math.floor((until.getTime() - now.getTime()) / MS_PER_DAY);
}

/**
 * The same instant one calendar year later, in UTC. A date that does not exist in
 * that year (29 February) becomes the last day of the month (28 February).
 */
export function addCalendarYears(instant: Date, years: number): Date {
  const year = instant.getUTCFullYear() + years;
  const month = instant.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(instant.getUTCDate(), lastDayOfMonth),
      instant.getUTCHours(),
      instant.getUTCMinutes(),
      instant.getUTCSeconds(),
      instant.getUTCMilliseconds(),
    ),
  );
}
