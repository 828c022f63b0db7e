import { describe, expect, it } from "vitest";
import { FEES_NAMED_PER_DAY, forecastBalance } from "@/lib/billing/forecast-balance";
import type { UpcomingDeductions, UpcomingFeeCandidate } from "@/lib/billing/list-upcoming-deductions";

const now = new Date("2026-06-15T20:00:00Z");
/** A certificate whose fee is deducted at `deductAt`: it expires 30 days later. */
const fee = (id: string, deductAt: string, feeMinor: number): UpcomingFeeCandidate => ({
  certificateId: id,
  domain: `${id}.example.com`,
  expiresAt: new Date(new Date(deductAt).getTime() + 30 * 86_400_000),
  validityYears: 1,
  price: { priceMinor: feeMinor, currency: "USD", autoRenewSupported: true },
});
const upcoming = (balanceMinor: number, candidates: UpcomingFeeCandidate[]): UpcomingDeductions => ({
  account: { balanceMinor, currency: "USD" },
  candidates,
});

describe("forecastBalance", () => {
  it("steps the balance down on each covered fee's day and marks the fees it cannot cover", () => {
    const forecast = forecastBalance({
      now,
      timeZone: "UTC",
      upcoming: upcoming(10_000, [
        fee("b", "2026-06-20T09:00:00Z", 5_000),
        fee("a", "2026-06-17T09:00:00Z", 6_000),
        fee("c", "2026-07-01T09:00:00Z", 3_000),
      ]),
    });
    expect(forecast.days).toHaveLength(91);
    expect(forecast.days[0]).toEqual({
      date: "2026-06-15",
      balanceMinor: 10_000,
      coveredMinor: 0,
      uncoveredMinor: 0,
      feeCount: 0,
      namedFees: [],
    });
    const day = (date: string) => forecast.days.find((entry) => entry.date === date);
    expect(day("2026-06-16")?.balanceMinor).toBe(10_000);
    expect(day("2026-06-17")).toMatchObject({ balanceMinor: 4_000, coveredMinor: 6_000, uncoveredMinor: 0 });
    expect(day("2026-06-20")).toMatchObject({ balanceMinor: 4_000, coveredMinor: 0, uncoveredMinor: 5_000 });
    expect(day("2026-07-01")).toMatchObject({ balanceMinor: 1_000, coveredMinor: 3_000 });
    expect(forecast.days.at(-1)).toMatchObject({ date: "2026-09-13", balanceMinor: 1_000 });
    expect(forecast.deductions.items.map((d) => [d.certificateId, d.date, d.covered, d.balanceAfterMinor])).toEqual([
      ["a", "2026-06-17", true, 4_000],
      ["b", "2026-06-20", false, 4_000],
      ["c", "2026-07-01", true, 1_000],
    ]);
    expect(forecast).toMatchObject({ totalFeesMinor: 14_000, uncoveredCount: 1, uncoveredMinor: 5_000 });
  });

  it("puts days on the viewer's calendar", () => {
    // 20:00 UTC is already the next day in Shanghai, and so is the 17:00 UTC deduction.
    const forecast = forecastBalance({
      now,
      timeZone: "Asia/Shanghai",
      upcoming: upcoming(10_000, [fee("a", "2026-06-17T17:00:00Z", 1_000)]),
    });
    expect(forecast.days[0]?.date).toBe("2026-06-16");
    expect(forecast.deductions.items[0]?.date).toBe("2026-06-18");
    expect(forecast.timeZone).toBe("Asia/Shanghai");
  });

  it("takes an overdue fee on the first day, and leaves out fees after the window", () => {
    const forecast = forecastBalance({
      now,
      timeZone: "UTC",
      upcoming: upcoming(2_000, [fee("late", "2026-06-14T00:00:00Z", 1_500), fee("far", "2026-10-01T00:00:00Z", 100)]),
    });
    expect(forecast.deductions.total).toBe(1);
    expect(forecast.deductions.items[0]).toMatchObject({ certificateId: "late", overdue: true, date: "2026-06-15" });
    expect(forecast.days[0]).toMatchObject({ balanceMinor: 500, coveredMinor: 1_500 });
  });

  it("is a flat line when nothing is due", () => {
    const forecast = forecastBalance({ upcoming: upcoming(0, []), now, timeZone: "UTC" });
    expect(new Set(forecast.days.map((day) => day.balanceMinor))).toEqual(new Set([0]));
    expect(forecast).toMatchObject({ totalFeesMinor: 0, uncoveredCount: 0, uncoveredMinor: 0 });
  });

  it("names a day's first fees in the order the job takes them and counts them all", () => {
    const forecast = forecastBalance({
      now,
      timeZone: "UTC",
      upcoming: upcoming(4_000, [
        fee("late", "2026-06-20T18:00:00Z", 1_000),
        fee("early", "2026-06-20T06:00:00Z", 3_000),
        fee("other", "2026-06-22T06:00:00Z", 500),
        fee("noon", "2026-06-20T12:00:00Z", 2_000),
        ...Array.from({ length: 6 }, (_, index) => fee(`evening-${index}`, "2026-06-20T20:00:00Z", 100)),
      ]),
    });
    const day = (date: string) => forecast.days.find((entry) => entry.date === date);
    expect(day("2026-06-20")).toMatchObject({
      feeCount: 9,
      coveredMinor: 4_000,
      uncoveredMinor: 2_600,
      balanceMinor: 0,
    });
    expect(day("2026-06-20")?.namedFees).toHaveLength(FEES_NAMED_PER_DAY);
    expect(day("2026-06-20")?.namedFees.slice(0, 4)).toEqual([
      { certificateId: "early", domain: "early.example.com", feeMinor: 3_000, covered: true },
      { certificateId: "noon", domain: "noon.example.com", feeMinor: 2_000, covered: false },
      { certificateId: "late", domain: "late.example.com", feeMinor: 1_000, covered: true },
      { certificateId: "evening-0", domain: "evening-0.example.com", feeMinor: 100, covered: false },
    ]);
    expect(day("2026-06-22")).toMatchObject({ feeCount: 1, namedFees: [{ certificateId: "other", covered: false }] });
  });

  it("sends one page of the fees, with the totals over all of them", () => {
    const deductions = Array.from({ length: 23 }, (_, index) =>
      fee(
        `fee-${String(index + 1).padStart(2, "0")}`,
        `2026-07-${String(index + 1).padStart(2, "0")}T09:00:00Z`,
        1_000,
      ),
    );
    const forecast = forecastBalance({
      upcoming: upcoming(20_000, deductions),
      now,
      timeZone: "UTC",
      page: { page: 3, pageSize: 10 },
    });
    expect(forecast.deductions).toMatchObject({ page: 3, pageSize: 10, total: 23 });
    expect(forecast.deductions.items.map((d) => [d.certificateId, d.covered, d.balanceAfterMinor])).toEqual([
      ["fee-21", false, 0],
      ["fee-22", false, 0],
      ["fee-23", false, 0],
    ]);
    expect(forecast).toMatchObject({ totalFeesMinor: 23_000, uncoveredCount: 3, uncoveredMinor: 3_000 });
    // Without a page: the first ten.
    const first = forecastBalance({ upcoming: upcoming(20_000, deductions), now, timeZone: "UTC" });
    expect(first.deductions.items.map((d) => d.certificateId)).toEqual(
      deductions.slice(0, 10).map((d) => d.certificateId),
    );
  });
});
