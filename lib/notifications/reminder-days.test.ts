import { describe, expect, it } from "vitest";
import { MAX_REMINDER_DAYS } from "@/lib/notifications/create-scheduled-notices";
import { formatReminderDays, MAX_REMINDER_DAY, parseReminderDays } from "@/lib/notifications/reminder-days";

describe("parseReminderDays", () => {
  it("reads days in any order and separator, without repeats, furthest first", () => {
    expect(parseReminderDays("1, 30 7,7，0")).toEqual({ ok: true, days: [30, 7, 1, 0] });
    expect(parseReminderDays("  ")).toEqual({ ok: true, days: [] });
    expect(parseReminderDays("90")).toEqual({ ok: true, days: [90] });
  });

  it("refuses what is not a whole number of days from 0 to 90", () => {
    expect(parseReminderDays("30, abc")).toEqual({ ok: false, problem: "NOT_A_NUMBER", value: "abc" });
    expect(parseReminderDays("-1")).toMatchObject({ ok: false, problem: "NOT_A_NUMBER" });
    expect(parseReminderDays("1.5")).toMatchObject({ ok: false, problem: "NOT_A_NUMBER" });
    expect(parseReminderDays("91")).toEqual({ ok: false, problem: "OUT_OF_RANGE", value: "91" });
  });

  it("allows at most 10 different days", () => {
    expect(parseReminderDays("0 1 2 3 4 5 6 7 8 9").ok).toBe(true);
    expect(parseReminderDays("0 1 2 3 4 5 6 7 8 9 10")).toEqual({ ok: false, problem: "TOO_MANY", count: 11 });
    expect(parseReminderDays("1 1 1 1 1 1 1 1 1 1 1 1").ok).toBe(true);
  });

  it("matches how far ahead the job looks, and formats back", () => {
    expect(MAX_REMINDER_DAY).toBe(MAX_REMINDER_DAYS);
    expect(formatReminderDays([0, 30, 7])).toBe("30, 7, 0");
  });
});
