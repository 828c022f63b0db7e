import { describe, expect, it } from "vitest";
import { parseTopUpAmount, topUpAmountProblem, topUpLimitsMinor } from "@/lib/billing/top-up-amount";

describe("topUpAmountProblem", () => {
  it("accepts 1.00 to 100,000.00 inclusive, in whole minor units", () => {
    expect(topUpAmountProblem(100, "USD")).toBeNull();
    expect(topUpAmountProblem(10_000_000, "USD")).toBeNull();
    expect(topUpAmountProblem(99, "USD")).toBe("TOO_SMALL");
    expect(topUpAmountProblem(0, "USD")).toBe("TOO_SMALL");
    expect(topUpAmountProblem(-500, "USD")).toBe("TOO_SMALL");
    expect(topUpAmountProblem(10_000_001, "USD")).toBe("TOO_LARGE");
    expect(topUpAmountProblem(150.5, "USD")).toBe("INVALID");
    expect(topUpAmountProblem(null, "USD")).toBe("INVALID");
    expect(topUpAmountProblem(Number.NaN, "USD")).toBe("INVALID");
  });

  it("scales the limits to currencies without minor units", () => {
    expect(topUpLimitsMinor("JPY")).toEqual({ minMinor: 1, maxMinor: 100_000 });
    expect(topUpLimitsMinor("USD")).toEqual({ minMinor: 100, maxMinor: 10_000_000 });
  });
});

describe("parseTopUpAmount", () => {
  it("turns what was typed into minor units", () => {
    expect(parseTopUpAmount("150", "USD")).toEqual({ ok: true, amountMinor: 15_000 });
    expect(parseTopUpAmount(" 13.13 ", "USD")).toEqual({ ok: true, amountMinor: 1313 });
    expect(parseTopUpAmount("1,5", "USD")).toEqual({ ok: true, amountMinor: 150 });
  });

  it("says why an amount cannot be used", () => {
    expect(parseTopUpAmount("", "USD")).toEqual({ ok: false, problem: "INVALID" });
    expect(parseTopUpAmount("abc", "USD")).toEqual({ ok: false, problem: "INVALID" });
    expect(parseTopUpAmount("1.001", "USD")).toEqual({ ok: false, problem: "INVALID" });
    expect(parseTopUpAmount("-5", "USD")).toEqual({ ok: false, problem: "INVALID" });
    expect(parseTopUpAmount("0.99", "USD")).toEqual({ ok: false, problem: "TOO_SMALL" });
    expect(parseTopUpAmount("100000.01", "USD")).toEqual({ ok: false, problem: "TOO_LARGE" });
  });
});
