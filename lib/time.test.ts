import { describe, expect, it } from "vitest";
import { addCalendarYears, wholeDaysBetween } from "@/lib/time";

describe("addCalendarYears", () => {
  it("keeps the same date and time one year later", () => {
    expect(addCalendarYears(new Date("2021-11-01T00:00:00Z"), 1).toISOString()).toBe("2022-11-01T00:00:00.000Z");
    expect(addCalendarYears(new Date("2026-03-15T13:45:10.250Z"), 1).toISOString()).toBe("2027-03-15T13:45:10.250Z");
  });

  it("turns 29 February into 28 February", () => {
    expect(addCalendarYears(new Date("2028-02-29T12:00:00Z"), 1).toISOString()).toBe("2029-02-28T12:00:00.000Z");
    expect(addCalendarYears(new Date("2027-02-28T12:00:00Z"), 1).toISOString()).toBe("2028-02-28T12:00:00.000Z");
  });

  it("works on the UTC calendar whatever the process time zone", () => {
    // 2026-12-31T23:30 UTC is already 1 January in Shanghai; the UTC date decides.
    expect(addCalendarYears(new Date("2026-12-31T23:30:00Z"), 1).toISOString()).toBe("2027-12-31T23:30:00.000Z");
  });
});

describe("wholeDaysBetween", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  it("rounds down partial days and goes negative once passed", () => {
    expect(wholeDaysBetween(now, new Date("2026-01-15T00:00:00Z"))).toBe(14);
    expect(wholeDaysBetween(now, new Date("2026-01-14T23:59:59Z"))).toBe(13);
    expect(wholeDaysBetween(now, new Date("2025-12-31T23:00:00Z"))).toBe(-1);
  });
});
