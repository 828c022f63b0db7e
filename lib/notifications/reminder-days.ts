// The customer's expiry-reminder days, as typed in the settings form ("30, 15, 7, 1, 0").
// Pure and shared by the form and the server, which has the last word.

/** The furthest a reminder can be (the job looks this far ahead; MAX_REMINDER_DAYS in create-scheduled-notices). */
export const MAX_REMINDER_DAY = 90;
export const MAX_REMINDER_DAY_COUNT = 10;

export type ReminderDaysProblem = "NOT_A_NUMBER" | "OUT_OF_RANGE" | "TOO_MANY";

export type ReminderDaysResult =
  | { ok: true; days: number[] }
  | { ok: false; problem: ReminderDaysProblem; value?: string; count?: number };

/**
 * Whole days 0–90 (0 = on the day of expiry), at most 10 different ones, separated by
 * commas, spaces or the Chinese comma. Returned without repeats, furthest first. An empty
 * list is allowed: no expiry reminders.
 */
export function parseReminderDays(text: string): ReminderDaysResult {
  const parts = text
    .split(/[\s,，、;；]+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const days = new Set<number>();
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return { ok: false, problem: "NOT_A_NUMBER", value: part.slice(0, 20) };
    const day = Number(part);
    if (day > MAX_REMINDER_DAY) return { ok: false, problem: "OUT_OF_RANGE", value: part };
    days.add(day);
  }
  if (days.size > MAX_REMINDER_DAY_COUNT) return { ok: false, problem: "TOO_MANY", count: days.size };
  return { ok: true, days: [...days].sort((a, b) => b - a) };
}

export function formatReminderDays(days: readonly number[]): string {
  return [...days].sort((a, b) => b - a).join(", ");
}
