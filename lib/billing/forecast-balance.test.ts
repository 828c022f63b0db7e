import { describe, expect, it } from "vitest";
import { deductionsByDate, forecastBalance } from "@/lib/billing/forecast-balance";
import type { UpcomingDeduction } from "@/lib/billing/project-deductions";

const now = new Date("2026-06-15T20:00:00Z");
const fee = (id: string, deductAt: string, feeMinor: number): UpcomingDeduction => ({
  certificateId: id,
  domain: `${id}.example.com`,
  deductAt: new Date(deductAt),
  feeMinor,
  currency: "USD",
});

describe("forecastBalance", () => {
  it("steps the balance down on each covered fee's day and marks the fees it cannot cover", () => {
    const forecast = forecastBalance({
      balanceMinor: 10_000,
      currency: "USD",
      now,
      timeZone: "UTC",
      deductions: [
        fee("b", "2026-06-20T09:00:00Z", 5_000),
        fee("a", "2026-06-17T09:00:00Z", 6_000),
        fee("c", "2026-07-01T09:00:00Z", 3_000),
      ],
    });
    expect(forecast.days).toHaveLength(91);
    expect(forecast.days[0]).toEqual({ date: "2026-06-15", balanceMinor: 10_000, coveredMinor: 0, uncoveredMinor: 0 });
    const day = (date: string) => forecast.days.find((entry) => entry.date === date);
    expect(day("2026-06-16")?.balanceMinor).toBe(10_000);
    expect(day("2026-06-17")).toMatchObject({ balanceMinor: 4_000, coveredMinor: 6_000, uncoveredMinor: 0 });
    expect(day("2026-06-20")).toMatchObject({ balanceMinor: 4_000, coveredMinor: 0, uncoveredMinor: 5_000 });
    expect(day("2026-07-01")).toMatchObject({ balanceMinor: 1_000, coveredMinor: 3_000 });
    expect(forecast.days.at(-1)).toMatchObject({ date: "2026-09-13", balanceMinor: 1_000 });
    expect(forecast.deductions.map((d) => [d.certificateId, d.date, d.covered, d.balanceAfterMinor])).toEqual([
      ["a", "2026-06-17", true, 4_000],
      ["b", "2026-06-20", false, 4_000],
      ["c", "2026-07-01", true, 1_000],
    ]);
    expect(forecast).toMatchObject({ totalFeesMinor: 14_000, uncoveredCount: 1, uncoveredMinor: 5_000 });
  });

  it("puts days on the viewer's calendar", () => {
    // 20:00 UTC is already the next day in Shanghai, and so is the 17:00 UTC deduction.
    const forecast = forecastBalance({
      balanceMinor: 10_000,
      currency: "USD",
      now,
      timeZone: "Asia/Shanghai",
      deductions: [fee("a", "2026-06-17T17:00:00Z", 1_000)],
    });
    expect(forecast.days[0]?.date).toBe("2026-06-16");
    expect(forecast.deductions[0]?.date).toBe("2026-06-18");
    expect(forecast.timeZone).toBe("Asia/Shanghai");
  });

  it("takes an overdue fee on the first day, and leaves out fees after the window", () => {
    const forecast = forecastBalance({
      balanceMinor: 2_000,
      currency: "USD",
      now,
      timeZone: "UTC",
      deductions: [fee("late", "2026-06-14T00:00:00Z", 1_500), fee("far", "2026-10-01T00:00:00Z", 100)],
    });
    expect(forecast.deductions).toHaveLength(1);
    expect(forecast.deductions[0]).toMatchObject({ certificateId: "late", overdue: true, date: "2026-06-15" });
    expect(forecast.days[0]).toMatchObject({ balanceMinor: 500, coveredMinor: 1_500 });
  });

  it("is a flat line when nothing is due", () => {
    const forecast = forecastBalance({ balanceMinor: 0, currency: "USD", now, timeZone: "UTC", deductions: [] });
    expect(new Set(forecast.days.map((day) => day.balanceMinor))).toEqual(new Set([0]));
    expect(forecast).toMatchObject({ totalFeesMinor: 0, uncoveredCount: 0, uncoveredMinor: 0 });
  });

  it("groups a day's fees in the order the job takes them", () => {
    const forecast = forecastBalance({
      balanceMinor: 4_000,
      currency: "USD",
      now,
      timeZone: "UTC",
      deductions: [
        fee("late", "2026-06-20T18:00:00Z", 1_000),
        fee("early", "2026-06-20T06:00:00Z", 3_000),
        fee("other", "2026-06-22T06:00:00Z", 500),
        fee("noon", "2026-06-20T12:00:00Z", 2_000),
      ],
    });
    const byDate = deductionsByDate(forecast.deductions);
    expect(byDate.get("2026-06-20")?.map((d) => [d.certificateId, d.covered])).toEqual([
      ["early", true],
      ["noon", false],
      ["late", true],
    ]);
    expect(byDate.get("2026-06-22")?.map((d) => d.certificateId)).toEqual(["other"]);
    expect(forecast.days.find((day) => day.date === "2026-06-20")).toMatchObject({
      coveredMinor: 4_000,
      uncoveredMinor: 2_000,
      balanceMinor: 0,
    });
  });
});
