import { describe, expect, it } from "vitest";
import { addDaysToDate, dateInZone, isIsoDate, startOfDateInZone } from "@/lib/billing/zoned-dates";

describe("isIsoDate", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
    expect(isIsoDate("yesterday")).toBe(false);
  });
});

describe("dateInZone", () => {
  it("gives the calendar date on the viewer's wall clock", () => {
    const instant = new Date("2026-12-31T23:30:00Z");
    expect(dateInZone(instant, "UTC")).toBe("2026-12-31");
    expect(dateInZone(instant, "Asia/Shanghai")).toBe("2027-01-01");
    expect(dateInZone(instant, "America/Los_Angeles")).toBe("2026-12-31");
  });
});

describe("startOfDateInZone", () => {
  it("is midnight in the zone, as a UTC instant", () => {
    expect(startOfDateInZone("2026-05-01", "UTC").toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(startOfDateInZone("2026-05-01", "Asia/Shanghai").toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect(startOfDateInZone("2026-05-01", "America/New_York").toISOString()).toBe("2026-05-01T04:00:00.000Z");
    expect(startOfDateInZone("2026-05-01", "Asia/Kolkata").toISOString()).toBe("2026-04-30T18:30:00.000Z");
  });

  it("uses the offset in force on that day across daylight-saving changes", () => {
    // New York changes to EDT on 8 March 2026 at 02:00; midnight is still EST.
    expect(startOfDateInZone("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDateInZone("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDateInZone("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
  });

  it("starts a day whose midnight was skipped at the first instant that exists", () => {
    // Santiago moved clocks from 00:00 to 01:00 on 7 September 2025.
    const start = startOfDateInZone("2025-09-07", "America/Santiago");
    expect(dateInZone(start, "America/Santiago")).toBe("2025-09-07");
    expect(dateInZone(new Date(start.getTime() - 1), "America/Santiago")).toBe("2025-09-06");
  });
});

describe("addDaysToDate", () => {
  it("moves along the calendar across months and years", () => {
    expect(addDaysToDate("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDaysToDate("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysToDate("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("dateInZone against Intl, across a year of offset changes", () => {
  it.each(["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"])(
    "%s: every 7 minutes of 2026 falls on the date Intl gives it",
    (timeZone) => {
      const truth = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
      const start = Date.UTC(2026, 0, 1);
      const mismatches: string[] = [];
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 7 * 60_000 + 13_000) {
        const instant = new Date(ms);
        const expected = truth.format(instant);
        if (dateInZone(instant, timeZone) !== expected) mismatches.push(`${instant.toISOString()} → ${expected}`);
      }
      expect(mismatches).toEqual([]);
    },
  );
});
