import { describe, expect, it } from "vitest";
import { sumDueTotals } from "@/lib/admin/sum-due-totals";

const row = (currency: string, certificateCount: number, accountCount: number, atRiskCount: number) => ({
  currency,
  certificateCount,
  accountCount,
  atRiskCount,
  dueMinor: 0,
  balanceMinor: 0,
  missingMinor: 0,
});

describe("sumDueTotals", () => {
  it("adds renewals, accounts and accounts at risk over the currencies", () => {
    expect(sumDueTotals([row("USD", 5, 2, 1), row("EUR", 3, 1, 1)])).toEqual({
      certificateCount: 8,
      accountCount: 3,
      atRiskCount: 2,
    });
    expect(sumDueTotals([])).toEqual({ certificateCount: 0, accountCount: 0, atRiskCount: 0 });
  });
});
