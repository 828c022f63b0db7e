// Which renewal fees fall due by a given moment, and which of them the balance
// covers (docs/domain.md, rules 2 and 3, and "several fees on one account"): the one
// rule the renewal job charges by and that Billing, the balance warnings, the admin
// customer page and the admin overview predict with. Pure: the caller passes `now` and plain facts; queries may only choose
// and order the candidates, never decide what is covered.
import { deductionTime } from "@/lib/renewal/auto-renew-rules";

/** The billing account the fees are taken from. */
export type FeeAccount = { balanceMinor: number; currency: string };

/** Today's 1-year price of a certificate's product. */
export type FeePrice = { priceMinor: number; currency: string; autoRenewSupported: boolean };

/** A certificate with auto-renewal on and no paid renewal under way, with what the rule needs to know of it. */
export type RenewalFeeCandidate = {
  certificateId: string;
  expiresAt: Date;
  validityYears: number;
  /** Undefined when its product is no longer sold. */
  price: FeePrice | undefined;
};

/** Why the job will not charge a fee: the auto-renewal end reason it records. */
export type FeeRefusal = "EXPIRED_BEFORE_DEDUCTION" | "NOT_ELIGIBLE" | "INSUFFICIENT_BALANCE";

export type PlannedRenewalFee<C extends RenewalFeeCandidate = RenewalFeeCandidate> = {
  candidate: C;
  /** When the job deducts it; already passed for a fee the next run takes. */
  deductAt: Date;
  /** Today's price (0, in the account's currency, for a product no longer sold). */
  feeMinor: number;
  currency: string;
  outcome: "COVERED" | FeeRefusal;
  /** The balance once this fee is dealt with (unchanged unless it is covered: no partial charges). */
  balanceAfterMinor: number;
};

export type RenewalFeePlan<C extends RenewalFeeCandidate = RenewalFeeCandidate> = {
  /** Every candidate due by `until`, in the order the job takes them, with its outcome. */
  fees: PlannedRenewalFee<C>[];
  /**
   * The fees the job will try to deduct: covered or refused for want of balance. A fee
   * refused for any other reason ends its auto-renewal without being a fee at all.
   */
  due: PlannedRenewalFee<C>[];
  dueMinor: number;
  coveredCount: number;
  coveredMinor: number;
  /** Due fees the balance will not cover (their auto-renewal ends unless the customer tops up). */
  uncoveredCount: number;
  uncoveredMinor: number;
  /** The top-up that would cover every due fee (0 when all are covered). */
  missingMinor: number;
  /** The balance once every due fee has been dealt with. */
  balanceAfterMinor: number;
};

/**
 * Plans one account's renewal fees due by `until` (the job: `now`; a view: the end of
 * its window; overdue fees included, the next run takes them). Fees are taken in the
 * job's order, earliest deduction first, then certificate ID; each is charged whole if
 * the balance left covers it, and a fee that does not fit is refused while a later,
 * smaller one may still fit. A certificate that has expired is not charged, nor one
 * that is not eligible: no price, a product no longer offered for auto-renewal, not a
 * 1-year certificate, no account, or a price in another currency than the account's.
 *
 * Linear in the candidates when they come in the job's order (as the queries order
 * them); sorted first otherwise.
 */
export function planRenewalFees<C extends RenewalFeeCandidate>(input: {
  now: Date;
  until: Date;
  account: FeeAccount | undefined;
  candidates: readonly C[];
}): RenewalFeePlan<C> {
  const { now, until, account } = input;
  const untilMs = until.getTime();
  const plan: RenewalFeePlan<C> = {
    fees: [],
    due: [],
    dueMinor: 0,
    coveredCount: 0,
    coveredMinor: 0,
    uncoveredCount: 0,
    uncoveredMinor: 0,
    missingMinor: 0,
    balanceAfterMinor: account?.balanceMinor ?? 0,
  };
  let balance = plan.balanceAfterMinor;
  for (const candidate of inDeductionOrder(input.candidates)) {
    const deductAt = deductionTime(candidate.expiresAt);
    if (deductAt.getTime() > untilMs) continue;
    const outcome = outcomeOf(candidate, account, balance, now);
    const { price } = candidate;
    const feeMinor = price?.priceMinor ?? 0;
    if (outcome === "COVERED") balance -= feeMinor;
    const fee: PlannedRenewalFee<C> = {
      candidate,
      deductAt,
      feeMinor,
      currency: price?.currency ?? account?.currency ?? "",
      outcome,
      balanceAfterMinor: balance,
    };
    plan.fees.push(fee);
    if (outcome === "COVERED") {
      plan.coveredCount += 1;
      plan.coveredMinor += feeMinor;
    } else if (outcome === "INSUFFICIENT_BALANCE") {
      plan.uncoveredCount += 1;
      plan.uncoveredMinor += feeMinor;
    } else continue;
    plan.due.push(fee);
    plan.dueMinor += feeMinor;
  }
  plan.balanceAfterMinor = balance;
  plan.missingMinor = Math.max(0, plan.dueMinor - (account?.balanceMinor ?? 0));
  return plan;
}

function outcomeOf(
  candidate: RenewalFeeCandidate,
  account: FeeAccount | undefined,
  balanceMinor: number,
  now: Date,
): PlannedRenewalFee["outcome"] {
  const charge = chargeablePrice(candidate, account, now);
  if (typeof charge === "string") return charge;
  return balanceMinor >= charge.priceMinor ? "COVERED" : "INSUFFICIENT_BALANCE";
}

/**
 * The price the job charges for a candidate if the balance allows, or why it charges
 * nothing whatever the balance: the certificate has expired, or it is not eligible (no
 * price, a product no longer offered for auto-renewal, not a 1-year certificate, no
 * account, a price in another currency than the account's). Eligibility depends on the
 * product, the validity and the account alone, and expiry only on `expiresAt`: the bound
 * over grouped candidates below relies on both.
 */
export function chargeablePrice(
  candidate: Pick<RenewalFeeCandidate, "expiresAt" | "validityYears" | "price">,
  account: FeeAccount | undefined,
  now: Date,
): FeePrice | "EXPIRED_BEFORE_DEDUCTION" | "NOT_ELIGIBLE" {
  if (candidate.expiresAt.getTime() <= now.getTime()) return "EXPIRED_BEFORE_DEDUCTION";
  const { price } = candidate;
  if (!price?.autoRenewSupported || candidate.validityYears !== 1 || account?.currency !== price.currency) {
    return "NOT_ELIGIBLE";
  }
  return price;
}

/** Candidates of one product and validity, counted rather than listed (a grouped query). */
export type RenewalFeeGroup = {
  validityYears: number;
  /** The product's price, undefined when it is no longer sold. */
  price: FeePrice | undefined;
  count: number;
  /** The latest expiry among them: the whole group has expired only if this has. */
  latestExpiresAt: Date;
};

/**
 * Whether planRenewalFees, on the candidates these groups count, certainly covers every
 * due fee, without their order: true when the balance holds every chargeable fee at
 * once, since then each one still finds its price left whatever its turn. False means
 * only "cannot tell": the caller plans the candidates themselves. A fee after the window
 * counts too (the groups carry no deduction times), and a group is counted whole unless
 * all of it has expired, so on candidates that are all due and unexpired (as the
 * console's window reads them) it is exact: false exactly when the plan leaves a fee
 * uncovered (for a balance not below zero).
 */
export function balanceCoversEveryFee(input: {
  now: Date;
  account: FeeAccount | undefined;
  groups: readonly RenewalFeeGroup[];
}): boolean {
  let chargeableMinor = 0;
  for (const group of input.groups) {
    const charge = chargeablePrice(
      { expiresAt: group.latestExpiresAt, validityYears: group.validityYears, price: group.price },
      input.account,
      input.now,
    );
    if (typeof charge !== "string") chargeableMinor += charge.priceMinor * group.count;
  }
  return chargeableMinor <= (input.account?.balanceMinor ?? 0);
}

/** The job's order: earliest deduction (expiry) first, then certificate ID (by code unit, as `COLLATE "C"`). */
export function compareDeductionOrder(a: RenewalFeeCandidate, b: RenewalFeeCandidate): number {
  const byTime = a.expiresAt.getTime() - b.expiresAt.getTime();
  if (byTime !== 0) return byTime;
  return a.certificateId < b.certificateId ? -1 : a.certificateId > b.certificateId ? 1 : 0;
}

/** The candidates in the job's order: as they are when already so (one pass), else a sorted copy. */
export function inDeductionOrder<C extends RenewalFeeCandidate>(candidates: readonly C[]): readonly C[] {
  for (let i = 1; i < candidates.length; i++) {
    if (compareDeductionOrder(candidates[i - 1] as C, candidates[i] as C) > 0) {
      return [...candidates].sort(compareDeductionOrder);
    }
  }
  return candidates;
}
