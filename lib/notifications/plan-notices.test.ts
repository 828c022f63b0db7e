import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_DAYS, dueBalanceWarning, dueExpiryReminder } from "@/lib/notifications/plan-notices";

const now = new Date("2026-06-01T00:00:00Z");
const inDays = (days: number, ms = 0) => new Date(now.getTime() + days * 86_400_000 + ms);

describe("dueExpiryReminder", () => {
  it("sends the threshold just crossed, and nothing before 30 days", () => {
    expect(dueExpiryReminder(inDays(30, 1), now, DEFAULT_REMINDER_DAYS)).toBeNull();
    expect(dueExpiryReminder(inDays(30), now, DEFAULT_REMINDER_DAYS)).toBe(30);
    expect(dueExpiryReminder(inDays(16), now, DEFAULT_REMINDER_DAYS)).toBe(30);
    expect(dueExpiryReminder(inDays(15), now, DEFAULT_REMINDER_DAYS)).toBe(15);
    expect(dueExpiryReminder(inDays(6, 3_600_000), now, DEFAULT_REMINDER_DAYS)).toBe(7);
    expect(dueExpiryReminder(inDays(0, 1), now, DEFAULT_REMINDER_DAYS)).toBe(1);
  });

  it("sends the on-expiry notice for a few days after expiry, then stops", () => {
    expect(dueExpiryReminder(now, now, DEFAULT_REMINDER_DAYS)).toBe(0);
    expect(dueExpiryReminder(inDays(-2), now, DEFAULT_REMINDER_DAYS)).toBe(0);
    expect(dueExpiryReminder(inDays(-3), now, DEFAULT_REMINDER_DAYS)).toBeNull();
  });

  it("follows the customer's chosen days", () => {
    expect(dueExpiryReminder(inDays(20), now, [60, 10])).toBe(60);
    expect(dueExpiryReminder(inDays(5), now, [60, 10])).toBe(10);
    expect(dueExpiryReminder(now, now, [60, 10])).toBeNull();
    expect(dueExpiryReminder(inDays(5), now, [])).toBeNull();
  });
});

describe("dueBalanceWarning", () => {
  it("warns 7 days and 1 day before an uncovered deduction", () => {
    expect(dueBalanceWarning(inDays(8), now)).toBeNull();
    expect(dueBalanceWarning(inDays(7), now)).toBe(7);
    expect(dueBalanceWarning(inDays(2), now)).toBe(7);
    expect(dueBalanceWarning(inDays(1), now)).toBe(1);
    expect(dueBalanceWarning(now, now)).toBeNull();
  });
});
