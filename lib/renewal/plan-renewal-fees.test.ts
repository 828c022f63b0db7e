import { describe, expect, it } from "vitest";
import {
  type FeePrice,
  inDeductionOrder,
  planRenewalFees,
  type RenewalFeeCandidate,
} from "@/lib/renewal/plan-renewal-fees";

const now = new Date("2026-06-15T08:00:00Z");
const DAY = 86_400_000;
const inDays = (days: number) => new Date(now.getTime() + days * DAY);
const usd = (priceMinor: number): FeePrice => ({ priceMinor, currency: "USD", autoRenewSupported: true });

/** A 1-year certificate whose fee is deducted `deductInDays` from now (it expires 30 days later). */
function fee(
  certificateId: string,
  deductInDays: number,
  price: FeePrice | undefined,
  overrides: Partial<RenewalFeeCandidate> = {},
): RenewalFeeCandidate {
  return { certificateId, expiresAt: inDays(deductInDays + 30), validityYears: 1, price, ...overrides };
}

const account = (balanceMinor: number, currency = "USD") => ({ balanceMinor, currency });
const outcomes = (plan: ReturnType<typeof planRenewalFees>) =>
  plan.fees.map((planned) => [planned.candidate.certificateId, planned.outcome, planned.balanceAfterMinor]);

describe("planRenewalFees", () => {
  it("covers every fee in the window when the balance holds them all, earliest deduction first", () => {
    const plan = planRenewalFees({
      now,
      until: inDays(30),
      account: account(20_000),
      candidates: [fee("c", 20, usd(2_900)), fee("a", 2, usd(9_900)), fee("b", 10, usd(2_900))],
    });
    expect(outcomes(plan)).toEqual([
      ["a", "COVERED", 10_100],
      ["b", "COVERED", 7_200],
      ["c", "COVERED", 4_300],
    ]);
    expect(plan).toMatchObject({
      dueMinor: 15_700,
      coveredCount: 3,
      coveredMinor: 15_700,
      uncoveredCount: 0,
      uncoveredMinor: 0,
      missingMinor: 0,
      balanceAfterMinor: 4_300,
    });
  });

  it("refuses a fee that does not fit and still covers a later, smaller one; never a partial charge", () => {
    const plan = planRenewalFees({
      now,
      until: inDays(30),
      account: account(5_000),
      candidates: [fee("big", 3, usd(9_900)), fee("small", 8, usd(2_900)), fee("last", 9, usd(2_900))],
    });
    expect(outcomes(plan)).toEqual([
      ["big", "INSUFFICIENT_BALANCE", 5_000],
      ["small", "COVERED", 2_100],
      ["last", "INSUFFICIENT_BALANCE", 2_100],
    ]);
    expect(plan).toMatchObject({ dueMinor: 15_700, uncoveredCount: 2, uncoveredMinor: 12_800, missingMinor: 10_700 });
    expect(plan.due.map((planned) => planned.candidate.certificateId)).toEqual(["big", "small", "last"]);
  });

  it("charges exactly down to zero, never below", () => {
    const exact = planRenewalFees({ now, until: now, account: account(2_900), candidates: [fee("a", -1, usd(2_900))] });
    expect(outcomes(exact)).toEqual([["a", "COVERED", 0]]);
    const short = planRenewalFees({ now, until: now, account: account(2_899), candidates: [fee("a", -1, usd(2_900))] });
    expect(outcomes(short)).toEqual([["a", "INSUFFICIENT_BALANCE", 2_899]]);
    expect(short.missingMinor).toBe(1);
  });

  it("covers nothing from a zero balance", () => {
    const plan = planRenewalFees({
      now,
      until: inDays(30),
      account: account(0),
      candidates: [fee("a", 1, usd(2_900)), fee("b", 2, usd(100))],
    });
    expect(plan).toMatchObject({ coveredCount: 0, uncoveredCount: 2, missingMinor: 3_000, balanceAfterMinor: 0 });
  });

  it("takes an overdue fee first and leaves out those due after the window", () => {
    const plan = planRenewalFees({
      now,
      until: inDays(30),
      account: account(3_000),
      candidates: [fee("later", 29, usd(2_900)), fee("overdue", -3, usd(2_900)), fee("outside", 30.001, usd(1))],
    });
    expect(outcomes(plan)).toEqual([
      ["overdue", "COVERED", 100],
      ["later", "INSUFFICIENT_BALANCE", 100],
    ]);
    expect(plan.fees[0]?.deductAt).toEqual(inDays(-3));
    // The window's end is included: due at `until` is due.
    const atEnd = planRenewalFees({ now, until: inDays(5), account: account(0), candidates: [fee("a", 5, usd(1))] });
    expect(atEnd.due).toHaveLength(1);
  });

  it("ends without a charge, and outside the fees due, what has expired or is not eligible", () => {
    const plan = planRenewalFees({
      now,
      until: inDays(30),
      account: account(100_000),
      candidates: [
        fee("expired", -30, usd(2_900)),
        fee("gone", 1, undefined),
        fee("unsupported", 2, { priceMinor: 19_900, currency: "USD", autoRenewSupported: false }),
        fee("two-years", 3, usd(2_900), { validityYears: 2 }),
        fee("euro", 4, { priceMinor: 2_900, currency: "EUR", autoRenewSupported: true }),
        fee("ok", 5, usd(2_900)),
      ],
    });
    expect(outcomes(plan)).toEqual([
      ["expired", "EXPIRED_BEFORE_DEDUCTION", 100_000],
      ["gone", "NOT_ELIGIBLE", 100_000],
      ["unsupported", "NOT_ELIGIBLE", 100_000],
      ["two-years", "NOT_ELIGIBLE", 100_000],
      ["euro", "NOT_ELIGIBLE", 100_000],
      ["ok", "COVERED", 97_100],
    ]);
    expect(plan).toMatchObject({ dueMinor: 2_900, coveredCount: 1, uncoveredCount: 0 });
    expect(plan.due.map((planned) => planned.candidate.certificateId)).toEqual(["ok"]);
  });

  it("has nothing to charge from an account that does not exist, or one in another currency", () => {
    const candidates = [fee("a", 1, usd(2_900))];
    expect(outcomes(planRenewalFees({ now, until: now, account: undefined, candidates }))).toEqual([]);
    expect(outcomes(planRenewalFees({ now, until: inDays(1), account: undefined, candidates }))).toEqual([
      ["a", "NOT_ELIGIBLE", 0],
    ]);
    const euro = planRenewalFees({ now, until: inDays(1), account: account(100_000, "EUR"), candidates });
    expect(euro.fees[0]?.outcome).toBe("NOT_ELIGIBLE");
    expect(euro.missingMinor).toBe(0);
  });

  it("breaks a tie in deduction time by certificate ID, by code unit", () => {
    const plan = planRenewalFees({
      now,
      until: inDays(30),
      account: account(2_900),
      candidates: [fee("b", 4, usd(2_900)), fee("a", 4, usd(2_900)), fee("B", 4, usd(2_900))],
    });
    expect(outcomes(plan)).toEqual([
      ["B", "COVERED", 0],
      ["a", "INSUFFICIENT_BALANCE", 0],
      ["b", "INSUFFICIENT_BALANCE", 0],
    ]);
  });

  it("gives the same answers for a window taken in two parts, as the job's batches take them", () => {
    const candidates = [fee("a", 1, usd(9_900)), fee("b", 2, usd(2_900)), fee("c", 3, usd(2_900))];
    const whole = planRenewalFees({ now, until: inDays(30), account: account(6_000), candidates });
    const first = planRenewalFees({
      now,
      until: inDays(30),
      account: account(6_000),
      candidates: candidates.slice(0, 2),
    });
    const second = planRenewalFees({
      now,
      until: inDays(30),
      account: account(first.balanceAfterMinor),
      candidates: candidates.slice(2),
    });
    expect([...outcomes(first), ...outcomes(second)]).toEqual(outcomes(whole));
  });
});

describe("inDeductionOrder", () => {
  it("returns candidates already in order as they are, and sorts a copy otherwise", () => {
    const ordered = [fee("a", 1, undefined), fee("b", 1, undefined), fee("a", 2, undefined)];
    expect(inDeductionOrder(ordered)).toBe(ordered);
    const shuffled = [ordered[2], ordered[0], ordered[1]] as RenewalFeeCandidate[];
    expect(inDeductionOrder(shuffled)).toEqual(ordered);
    expect(shuffled[0]).toBe(ordered[2]);
  });
});
