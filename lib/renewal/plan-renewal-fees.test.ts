import { describe, expect, it } from "vitest";
import {
  balanceCoversEveryFee,
  chargeablePrice,
  type FeeAccount,
  type FeePrice,
  inDeductionOrder,
  planRenewalFees,
  type RenewalFeeCandidate,
  type RenewalFeeGroup,
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

/** The candidates counted per product (here: its price) and validity, as the grouped query counts them. */
function grouped(candidates: readonly RenewalFeeCandidate[]): RenewalFeeGroup[] {
  const groups = new Map<string, RenewalFeeGroup>();
  for (const { price, validityYears, expiresAt } of candidates) {
    const key = JSON.stringify([price ?? null, validityYears]);
    const group = groups.get(key);
    if (!group) groups.set(key, { price, validityYears, count: 1, latestExpiresAt: expiresAt });
    else {
      group.count += 1;
      if (expiresAt > group.latestExpiresAt) group.latestExpiresAt = expiresAt;
    }
  }
  return [...groups.values()];
}

/** A small seeded generator (mulberry32): the same inputs on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("chargeablePrice", () => {
  it("says why a candidate is no fee whatever the balance, as planRenewalFees records it", () => {
    const usdAccount = account(0);
    expect(chargeablePrice(fee("a", -30, usd(2_900)), usdAccount, now)).toBe("EXPIRED_BEFORE_DEDUCTION");
    expect(chargeablePrice(fee("a", 1, undefined), usdAccount, now)).toBe("NOT_ELIGIBLE");
    expect(chargeablePrice(fee("a", 1, usd(2_900), { validityYears: 2 }), usdAccount, now)).toBe("NOT_ELIGIBLE");
    expect(chargeablePrice(fee("a", 1, usd(2_900)), undefined, now)).toBe("NOT_ELIGIBLE");
    expect(chargeablePrice(fee("a", 1, usd(2_900)), usdAccount, now)).toEqual(usd(2_900));
  });
});

describe("balanceCoversEveryFee", () => {
  const until = inDays(30);

  it("says covered while the balance holds every chargeable fee at once, and cannot tell one unit short", () => {
    const candidates = [fee("a", 1, usd(9_900)), fee("b", 2, usd(2_900)), fee("c", 3, usd(2_900))];
    const groups = grouped(candidates);
    expect(groups).toHaveLength(2);
    expect(balanceCoversEveryFee({ now, account: account(15_700), groups })).toBe(true);
    expect(balanceCoversEveryFee({ now, account: account(15_699), groups })).toBe(false);
    expect(planRenewalFees({ now, until, account: account(15_699), candidates }).uncoveredCount).toBe(1);
  });

  it("counts no fee the job will not charge: no price, not auto-renewable, 2 years, another currency, expired", () => {
    const groups = grouped([
      fee("gone", 1, undefined),
      fee("unsupported", 2, { priceMinor: 19_900, currency: "USD", autoRenewSupported: false }),
      fee("two-years", 3, usd(2_900), { validityYears: 2 }),
      fee("euro", 4, { priceMinor: 2_900, currency: "EUR", autoRenewSupported: true }),
      fee("expired", -31, usd(9_900)),
    ]);
    expect(balanceCoversEveryFee({ now, account: account(0), groups })).toBe(true);
    expect(balanceCoversEveryFee({ now, account: undefined, groups: grouped([fee("a", 1, usd(2_900))]) })).toBe(true);
  });

  it("counts a group whole while any of it has not expired", () => {
    const groups = grouped([fee("expired", -31, usd(2_900)), fee("live", 1, usd(2_900))]);
    expect(balanceCoversEveryFee({ now, account: account(2_900), groups })).toBe(false);
    expect(balanceCoversEveryFee({ now, account: account(5_800), groups })).toBe(true);
  });

  it("never says covered when planRenewalFees leaves a fee uncovered, and is exact on due, unexpired candidates", () => {
    const random = seededRandom(20261203);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const products: (FeePrice | undefined)[] = [
      usd(2_900),
      usd(9_900),
      usd(100),
      usd(0),
      { priceMinor: 19_900, currency: "USD", autoRenewSupported: false },
      { priceMinor: 2_900, currency: "EUR", autoRenewSupported: true },
      undefined,
    ];
    let coveredWithFees = 0;
    let exactChecks = 0;
    for (let run = 0; run < 5_000; run++) {
      // Half the runs hold only what the console's query reads: due by `until`, not expired.
      const dueAndUnexpired = random() < 0.5;
      const candidates = Array.from({ length: Math.floor(random() * 12) }, (_, index) =>
        fee(
          `c${Math.floor(random() * 50)}-${index}`,
          dueAndUnexpired ? -29.9 + random() * 59.9 : -45 + random() * 90,
          pick(products),
          { validityYears: random() < 0.85 ? 1 : 2 },
        ),
      );
      const currency = pick(["USD", "USD", "USD", "EUR", undefined]);
      const feeAccount: FeeAccount | undefined = currency ? { balanceMinor: 0, currency } : undefined;
      const groups = grouped(candidates);
      if (feeAccount) {
        // Balances around what the chargeable fees add up to, so the edge is often hit.
        const chargeable = candidates
          .map((candidate) => chargeablePrice(candidate, feeAccount, now))
          .reduce((sum, charge) => sum + (typeof charge === "string" ? 0 : charge.priceMinor), 0);
        feeAccount.balanceMinor = Math.max(0, chargeable + Math.floor((random() - 0.6) * 12_000));
        if (random() < 0.2) feeAccount.balanceMinor = chargeable - pick([0, 1]);
      }
      const plan = planRenewalFees({ now, until, account: feeAccount, candidates });
      const covered = balanceCoversEveryFee({ now, account: feeAccount, groups });
      if (covered && plan.uncoveredCount > 0)
        expect.fail(`said covered: ${JSON.stringify({ feeAccount, candidates })}`);
      if (covered && plan.due.length > 0) coveredWithFees += 1;
      if (dueAndUnexpired && (feeAccount?.balanceMinor ?? 0) >= 0) {
        if (covered !== (plan.uncoveredCount === 0))
          expect.fail(`not exact: ${JSON.stringify({ feeAccount, candidates })}`);
        exactChecks += 1;
      }
    }
    expect(coveredWithFees).toBeGreaterThan(500);
    expect(exactChecks).toBeGreaterThan(2_000);
  });
});
