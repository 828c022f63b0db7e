import { describe, expect, it } from "vitest";
import { buildBalanceWarning } from "@/lib/billing/build-balance-warning";
import type { UpcomingFeeCandidate } from "@/lib/billing/list-upcoming-deductions";

const now = new Date(Date.UTC(2026, 4, 1));
const day = (n: number) => new Date(Date.UTC(2026, 4, n));
/** Deducted on day `n` of May (it expires 30 days later). */
const fee = (id: string, n: number, feeMinor: number, currency = "USD"): UpcomingFeeCandidate => ({
  certificateId: id,
  domain: `${id}.example.com`,
  expiresAt: new Date(day(n).getTime() + 30 * 86_400_000),
  validityYears: 1,
  price: { priceMinor: feeMinor, currency, autoRenewSupported: true },
});
const account = (balanceMinor: number) => ({ balanceMinor, currency: "USD" });

describe("buildBalanceWarning", () => {
  it("is silent when the balance covers what falls due in the window", () => {
    const upcoming = { account: account(9_000), candidates: [fee("a", 2, 6_000), fee("b", 30, 5_000)] };
    expect(buildBalanceWarning(upcoming, now, day(20))).toBeNull();
  });

  it("says how much is missing and names only the fees the balance cannot cover", () => {
    const upcoming = {
      account: account(7_000),
      candidates: [fee("a", 2, 6_000), fee("b", 5, 5_000), fee("c", 6, 500)],
    };
    const warning = buildBalanceWarning(upcoming, now, day(20));
    expect(warning).toMatchObject({ dueMinor: 11_500, balanceMinor: 7_000, missingMinor: 4_500, currency: "USD" });
    expect(warning?.atRisk).toEqual([
      { certificateId: "b", domain: "b.example.com", deductAt: day(5), feeMinor: 5_000, currency: "USD" },
    ]);
  });

  it("counts no fee the job will not charge: another currency than the account's", () => {
    const upcoming = { account: account(1_000), candidates: [fee("euro", 2, 6_000, "EUR"), fee("a", 3, 1_000)] };
    expect(buildBalanceWarning(upcoming, now, day(20))).toBeNull();
  });
});
