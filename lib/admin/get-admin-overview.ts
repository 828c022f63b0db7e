import "server-only";
import { sql } from "kysely";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { type AdminJobRun, withTriggeredBy } from "@/lib/admin/list-admin-job-runs";
import { addDaysToDate, dateInZone } from "@/lib/billing/zoned-dates";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import type { AutoRenewEndReason, AutoRenewState } from "@/lib/generated/prisma/enums";
import { DEDUCT_DAYS_BEFORE_EXPIRY, type DisplayStatus, EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { type FeeAccount, planRenewalFees, type RenewalFeeCandidate } from "@/lib/renewal/plan-renewal-fees";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";
import { listJobRuns } from "@/lib/renewal-job/job-runs";
import { addDays } from "@/lib/time";

export const OVERVIEW_STATUSES = [
  "ISSUED",
  "EXPIRED",
  "PENDING_VALIDATION",
  "DNS_RECORD_ADDED",
  "VALIDATION_FAILED",
  "CANCELED",
  "REVOKED",
  "REFUNDED",
  "PENDING_LETTER_UPLOAD",
  "ORGANIZATION_REVIEW",
  "ORGANIZATION_REJECTED",
] as const satisfies readonly DisplayStatus[];

export type DueTotals = {
  currency: string;
  /** Accounts with at least one fee due in the window. */
  accountCount: number;
  certificateCount: number;
  dueMinor: number;
  /** The balances of those accounts, which must cover the fees. */
  balanceMinor: number;
  /** Accounts whose balance will not cover at least one of their fees. */
  atRiskCount: number;
  /** Sum of each account's shortfall (one account's surplus cannot pay another's fees). */
  missingMinor: number;
};

export type AtRiskAccount = {
  customerId: string;
  email: string;
  name: string;
  currency: string;
  certificateCount: number;
  dueMinor: number;
  balanceMinor: number;
  missingMinor: number;
  firstDeductAt: string;
};

/** The fees of one day, split into those their account's balance will cover and those it will not. */
export type DueDay = { date: string; count: number; coveredMinor: number; atRiskMinor: number };

export type AdminOverview = {
  now: string;
  timeZone: string;
  certificates: { total: number; byStatus: { status: DisplayStatus; count: number }[] };
  autoRenew: Record<AutoRenewState, number>;
  terminatedByReason: { reason: AutoRenewEndReason | null; count: number }[];
  customers: { total: number; disabled: number };
  windowDays: number;
  due: DueTotals[];
  /** Fees due per day (viewer's calendar) in the main currency, split by whether the balance will cover each. */
  dueByDay: { currency: string; days: DueDay[] } | null;
  atRisk: AtRiskAccount[];
  recentRuns: AdminJobRun[];
};

const AT_RISK_SHOWN = 10;
const RECENT_RUNS = 5;

/**
 * The operators' dashboard: certificates by status, auto-renewal, the fees the job will
 * deduct in the next 30 days against the balances that must cover them, the accounts
 * whose balance will not, and the last runs. Counts are aggregated in the database; the
 * fees come as one compact row per candidate and are decided per account by the same
 * rule the job charges by (planRenewalFees), in one pass.
 */
export async function getAdminOverview(actor: Actor, context: { now: Date; timeZone: string }): Promise<AdminOverview> {
  assertAdmin(actor);
  const { now, timeZone } = context;
  const until = addDays(now, EXPIRING_SOON_DAYS);

  const [statusGroups, expired, stateGroups, reasonGroups, customers, disabled, candidates, runs] = await Promise.all([
    db.certificate.groupBy({ by: ["status"], _count: { _all: true } }),
    db.certificate.count({ where: { status: "ISSUED", expiresAt: { lte: now } } }),
    db.certificate.groupBy({ by: ["autoRenewState"], _count: { _all: true } }),
    db.certificate.groupBy({
      by: ["autoRenewEndReason"],
      where: { autoRenewState: "TERMINATED" },
      _count: { _all: true },
    }),
    db.user.count({ where: { role: "CUSTOMER" } }),
    db.user.count({ where: { role: "CUSTOMER", disabledAt: { not: null } } }),
    listFeeCandidates(until),
    listJobRuns({ page: 1, pageSize: RECENT_RUNS }),
  ]);
  const fees = summarizeFees(candidates, { now, until, timeZone });
  const shown = fees.atRisk.slice(0, AT_RISK_SHOWN);
  const users = new Map(
    (shown.length === 0
      ? []
      : await db.user.findMany({
          where: { id: { in: shown.map((account) => account.customerId) } },
          select: { id: true, email: true, name: true },
        })
    ).map((user) => [user.id, user]),
  );

  const statusCounts = new Map<DisplayStatus, number>();
  for (const group of statusGroups) statusCounts.set(group.status, group._count._all);
  statusCounts.set("ISSUED", (statusCounts.get("ISSUED") ?? 0) - expired);
  statusCounts.set("EXPIRED", expired);
  const autoRenew: Record<AutoRenewState, number> = { ON: 0, OFF: 0, TERMINATED: 0 };
  for (const group of stateGroups) autoRenew[group.autoRenewState] = group._count._all;

  const mainCurrency = fees.due[0]?.currency;

  return {
    now: now.toISOString(),
    timeZone,
    certificates: {
      total: statusGroups.reduce((sum, group) => sum + group._count._all, 0),
      byStatus: OVERVIEW_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    },
    autoRenew,
    terminatedByReason: reasonGroups
      .map((group) => ({ reason: group.autoRenewEndReason, count: group._count._all }))
      .sort((a, b) => b.count - a.count),
    customers: { total: customers, disabled },
    windowDays: EXPIRING_SOON_DAYS,
    due: fees.due,
    dueByDay: mainCurrency
      ? {
          currency: mainCurrency,
          days: fillDays(dateInZone(now, timeZone), EXPIRING_SOON_DAYS, fees.daysByCurrency.get(mainCurrency)),
        }
      : null,
    atRisk: shown.flatMap((account) => {
      const user = users.get(account.customerId);
      return user ? [{ ...account, email: user.email, name: user.name }] : [];
    }),
    recentRuns: await withTriggeredBy(runs.items),
  };
}

/**
 * Every certificate the job would claim by `until`, with today's price and its owner's
 * account, grouped by owner and in the job's order within each. The query only chooses
 * and orders the candidates: planRenewalFees decides which are fees and which are covered.
 */
function listFeeCandidates(until: Date) {
  // A fee is deducted 30 days before expiry: due by `until` means expiring by until + 30 days.
  const horizon = addDays(until, DEDUCT_DAYS_BEFORE_EXPIRY);
  return queryRows(
    db,
    sqlBuilder
      .selectFrom("Certificate as c")
      .leftJoin("Price as p", (join) =>
        join
          .onRef("p.brand", "=", "c.brand")
          .onRef("p.certificateType", "=", "c.certificateType")
          .onRef("p.domainType", "=", "c.domainType")
          .on("p.validityYears", "=", sql.lit(1))
          // Renewal fees are the paid product's (lib/billing/list-prices.ts).
          .on("p.free", "=", sql.lit(false)),
      )
      .leftJoin("BillingAccount as b", "b.ownerId", "c.ownerId")
      .select((eb) => [
        "c.id",
        "c.ownerId",
        // Never null here: only rows expiring before the horizon are chosen.
        eb.ref("c.expiresAt").$notNull().as("expiresAt"),
        "c.validityYears",
        "p.priceMinor",
        "p.currency as priceCurrency",
        "p.autoRenewSupported",
        "b.balanceMinor",
        "b.currency as accountCurrency",
      ])
      .where("c.autoRenewState", "=", sql.lit("ON"))
      .where("c.status", "=", sql.lit("ISSUED"))
      .where("c.expiresAt", "<=", horizon)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("RenewalOrder as o")
              .select(sql.lit(1).as("one"))
              .whereRef("o.certificateId", "=", "c.id")
              .where("o.status", "in", [...PAID_RENEWAL_STATUSES]),
          ),
        ),
      )
      .orderBy("c.ownerId")
      .orderBy("c.expiresAt")
      .orderBy("c.id"),
  );
}

type FeeCandidateRow = Awaited<ReturnType<typeof listFeeCandidates>>[number];

type DaySums = { count: number; coveredMinor: number; atRiskMinor: number };
type AtRiskTotals = Omit<AtRiskAccount, "email" | "name">;

/**
 * Plans each account's fees (rows come grouped by owner) and sums them per currency,
 * per day of the viewer's calendar and per account at risk, the largest shortfall first.
 */
function summarizeFees(
  rows: readonly FeeCandidateRow[],
  context: { now: Date; until: Date; timeZone: string },
): { due: DueTotals[]; daysByCurrency: Map<string, Map<string, DaySums>>; atRisk: AtRiskTotals[] } {
  const { now, until } = context;
  const dayOf = calendarDays(context.timeZone);
  const totals = new Map<string, DueTotals>();
  const daysByCurrency = new Map<string, Map<string, DaySums>>();
  const atRisk: AtRiskTotals[] = [];

  const planOwner = (ownerId: string, account: FeeAccount | undefined, candidates: RenewalFeeCandidate[]) => {
    const plan = planRenewalFees({ now, until, account, candidates });
    const first = plan.due[0];
    if (!account || !first) return;
    // Every fee due is in the account's currency: one in another is not eligible.
    const { currency, balanceMinor } = account;
    const total = totals.get(currency) ?? {
      currency,
      accountCount: 0,
      certificateCount: 0,
      dueMinor: 0,
      balanceMinor: 0,
      atRiskCount: 0,
      missingMinor: 0,
    };
    totals.set(currency, total);
    total.accountCount += 1;
    total.certificateCount += plan.due.length;
    total.dueMinor += plan.dueMinor;
    total.balanceMinor += balanceMinor;
    const days = daysByCurrency.get(currency) ?? new Map<string, DaySums>();
    daysByCurrency.set(currency, days);
    for (const fee of plan.due) {
      // A fee already due is taken at the next run: it counts today.
      const date = dayOf(Math.max(fee.deductAt.getTime(), now.getTime()));
      const day = days.get(date) ?? { count: 0, coveredMinor: 0, atRiskMinor: 0 };
      days.set(date, day);
      day.count += 1;
      if (fee.outcome === "COVERED") day.coveredMinor += fee.feeMinor;
      else day.atRiskMinor += fee.feeMinor;
    }
    if (plan.uncoveredCount === 0) return;
    total.atRiskCount += 1;
    total.missingMinor += plan.missingMinor;
    atRisk.push({
      customerId: ownerId,
      currency,
      certificateCount: plan.due.length,
      dueMinor: plan.dueMinor,
      balanceMinor,
      missingMinor: plan.missingMinor,
      firstDeductAt: new Date(Math.max(first.deductAt.getTime(), now.getTime())).toISOString(),
    });
  };

  let owner: { id: string; account: FeeAccount | undefined; candidates: RenewalFeeCandidate[] } | undefined;
  for (const row of rows) {
    if (owner?.id !== row.ownerId) {
      if (owner) planOwner(owner.id, owner.account, owner.candidates);
      const account =
        row.balanceMinor === null || row.accountCurrency === null
          ? undefined
          : { balanceMinor: row.balanceMinor, currency: row.accountCurrency };
      owner = { id: row.ownerId, account, candidates: [] };
    }
    owner.candidates.push({
      certificateId: row.id,
      expiresAt: row.expiresAt,
      validityYears: row.validityYears,
      price:
        row.priceMinor === null || row.priceCurrency === null || row.autoRenewSupported === null
          ? undefined
          : { priceMinor: row.priceMinor, currency: row.priceCurrency, autoRenewSupported: row.autoRenewSupported },
    });
  }
  if (owner) planOwner(owner.id, owner.account, owner.candidates);

  return {
    due: [...totals.values()].sort((a, b) => b.dueMinor - a.dueMinor || (a.currency < b.currency ? -1 : 1)),
    daysByCurrency,
    atRisk: atRisk.sort(
      (a, b) =>
        b.missingMinor - a.missingMinor ||
        a.firstDeductAt.localeCompare(b.firstDeductAt) ||
        (a.customerId < b.customerId ? -1 : 1),
    ),
  };
}

/**
 * The viewer's calendar date of an instant (ms), remembered per quarter hour: every
 * zone's offset, and so every midnight, falls on a quarter hour, and formatting a date
 * in a zone costs microseconds that add up over many fees.
 */
function calendarDays(timeZone: string): (instantMs: number) => string {
  const QUARTER_HOUR_MS = 15 * 60 * 1000;
  const known = new Map<number, string>();
  return (instantMs) => {
    const slot = Math.floor(instantMs / QUARTER_HOUR_MS);
    let date = known.get(slot);
    if (date === undefined) {
      date = dateInZone(new Date(slot * QUARTER_HOUR_MS), timeZone);
      known.set(slot, date);
    }
    return date;
  };
}

/** Every calendar day from `today` for `count` more days, with the sums of the days that have fees. */
function fillDays(today: string, count: number, sums: ReadonlyMap<string, DaySums> | undefined): DueDay[] {
  return Array.from({ length: count + 1 }, (_, index) => {
    const date = addDaysToDate(today, index);
    const day = sums?.get(date);
    return { date, count: day?.count ?? 0, coveredMinor: day?.coveredMinor ?? 0, atRiskMinor: day?.atRiskMinor ?? 0 };
  });
}
