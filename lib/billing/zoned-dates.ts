// Calendar days in the viewer's time zone, for filters ("from 1 May to 31 May") and
// the day-by-day forecast. Pure: the zone and instants are passed in.

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether this is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock at this instant, to the second, as milliseconds read as if it were UTC. */
function wallClockMs(instant: Date, timeZone: string): number {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** How far the zone's wall clock is ahead of UTC at this instant (whole seconds), asked of Intl. */
function exactOffsetMs(instant: Date, timeZone: string): number {
  return wallClockMs(instant, timeZone) - Math.floor(instant.getTime() / 1000) * 1000;
}

const DAY_MS = 86_400_000;
const MAX_CACHED_DAYS = 20_000;
// Per zone and UTC day: the zone's offset when it is the same at the day's first and last
// second (no change of offset within it: zones change at most twice a year, never twice in
// a day), else null. Billing's forecast dates thousands of fees across 120 days: two Intl
// calls per day instead of one per fee (formatToParts is a few microseconds each).
const dayOffsets = new Map<string, number | null>();

function offsetMs(instant: Date, timeZone: string): number {
  const day = Math.floor(instant.getTime() / DAY_MS);
  const key = `${timeZone} ${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = exactOffsetMs(new Date(day * DAY_MS), timeZone);
    const last = exactOffsetMs(new Date((day + 1) * DAY_MS - 1000), timeZone);
    offset = first === last ? first : null;
    if (dayOffsets.size >= MAX_CACHED_DAYS) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return offset ?? exactOffsetMs(instant, timeZone);
}

/** The calendar date of this instant in the zone. */
export function dateInZone(instant: Date, timeZone: string): IsoDate {
  // The zone's wall clock, read as if it were UTC (to the second, as Intl gives it).
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offsetMs(instant, timeZone));
  return wall.toISOString().slice(0, 10);
}

/** The first instant of that calendar date in the zone (its midnight, or the first moment after a DST gap). */
export function startOfDateInZone(date: IsoDate, timeZone: string): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const wallMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // The offset at the guess may differ from the offset at midnight across a DST change: correct once.
  let instant = wallMidnight - offsetMs(new Date(wallMidnight), timeZone);
  instant = wallMidnight - offsetMs(new Date(instant), timeZone);
  // Midnight skipped by a DST change: the day starts at the first instant that falls on it.
  while (dateInZone(new Date(instant), timeZone) < date) instant += 15 * 60 * 1000;
  return new Date(instant);
}

/** The calendar date `days` after this one. */
export function addDaysToDate(date: IsoDate, days: number): IsoDate {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const shifted = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return shifted.toISOString().slice(0, 10);
}
