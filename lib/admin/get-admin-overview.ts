import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { type AdminJobRun, withTriggeredBy } from "@/lib/admin/list-admin-job-runs";
import { addDaysToDate, dateInZone } from "@/lib/billing/zoned-dates";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AutoRenewEndReason, AutoRenewState } from "@/lib/generated/prisma/enums";
import { DEDUCT_DAYS_BEFORE_EXPIRY, type DisplayStatus, EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
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
] as const satisfies readonly DisplayStatus[];

export type DueTotals = {
  currency: string;
  /** Accounts with at least one fee due in the window. */
  accountCount: number;
  certificateCount: number;
  dueMinor: number;
  /** The balances of those accounts, which must cover the fees. */
  balanceMinor: number;
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
  /** Fees due per day (viewer's calendar) in the main currency, split by whether the account can pay. */
  dueByDay: { currency: string; days: DueDay[] } | null;
  atRisk: AtRiskAccount[];
  recentRuns: AdminJobRun[];
};

const AT_RISK_SHOWN = 10;
const RECENT_RUNS = 5;

/**
 * The operators' dashboard: certificates by status, auto-renewal, the fees the job will
 * deduct in the next 30 days against the balances that must cover them, the accounts
 * whose balance will not, and the last runs. Aggregated in the database, so it stays
 * cheap however many certificates there are.
 */
export async function getAdminOverview(actor: Actor, context: { now: Date; timeZone: string }): Promise<AdminOverview> {
  assertAdmin(actor);
  const { now, timeZone } = context;
  const until = addDays(now, EXPIRING_SOON_DAYS);
  // A fee is deducted 30 days before expiry: due by `until` means expiring by until + 30 days.
  const horizon = addDays(until, DEDUCT_DAYS_BEFORE_EXPIRY);
  const paid = Prisma.join(PAID_RENEWAL_STATUSES.map((status) => Prisma.sql`${status}::"RenewalOrderStatus"`));
  const dueCte = Prisma.sql`
    due AS (
      SELECT c."ownerId" AS "ownerId", p.currency AS currency, p."priceMinor" AS "priceMinor",
             GREATEST(c."expiresAt" - make_interval(days => ${DEDUCT_DAYS_BEFORE_EXPIRY}::int), ${now}::timestamptz) AS "deductAt"
        FROM "Certificate" c
        JOIN "Price" p ON p.brand = c.brand AND p."certificateType" = c."certificateType"
                      AND p."domainType" = c."domainType" AND p."validityYears" = 1 AND p."autoRenewSupported"
       WHERE c."autoRenewState" = 'ON' AND c.status = 'ISSUED' AND c."validityYears" = 1
         AND c."expiresAt" > ${now}::timestamptz AND c."expiresAt" <= ${horizon}::timestamptz
         AND NOT EXISTS (SELECT 1 FROM "RenewalOrder" o WHERE o."certificateId" = c.id AND o.status IN (${paid}))
    ),
    owners AS (
      SELECT d."ownerId", d.currency, COUNT(*)::int AS "certificateCount", SUM(d."priceMinor")::bigint AS "dueMinor",
             MIN(d."deductAt") AS "firstDeductAt", COALESCE(MAX(b."balanceMinor"), 0)::bigint AS "balanceMinor"
        FROM due d LEFT JOIN "BillingAccount" b ON b."ownerId" = d."ownerId"
       GROUP BY d."ownerId", d.currency
    )`;

  const [statusGroups, expired, stateGroups, reasonGroups, customers, disabled, totals, atRisk, days, runs] =
    await Promise.all([
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
      db.$queryRaw<
        {
          currency: string;
          accountCount: number;
          certificateCount: number;
          dueMinor: bigint;
          balanceMinor: bigint;
          atRiskCount: number;
          missingMinor: bigint;
        }[]
      >`WITH ${dueCte}
        SELECT currency, COUNT(*)::int AS "accountCount", SUM("certificateCount")::int AS "certificateCount",
               SUM("dueMinor")::bigint AS "dueMinor", SUM("balanceMinor")::bigint AS "balanceMinor",
               COUNT(*) FILTER (WHERE "balanceMinor" < "dueMinor")::int AS "atRiskCount",
               COALESCE(SUM("dueMinor" - "balanceMinor") FILTER (WHERE "balanceMinor" < "dueMinor"), 0)::bigint AS "missingMinor"
          FROM owners GROUP BY currency ORDER BY SUM("dueMinor") DESC, currency`,
      db.$queryRaw<
        {
          ownerId: string;
          email: string;
          name: string;
          currency: string;
          certificateCount: number;
          dueMinor: bigint;
          balanceMinor: bigint;
          firstDeductAt: Date;
        }[]
      >`WITH ${dueCte}
        SELECT o."ownerId", u.email, u.name, o.currency, o."certificateCount", o."dueMinor", o."balanceMinor", o."firstDeductAt"
          FROM owners o JOIN "User" u ON u.id = o."ownerId"
         WHERE o."balanceMinor" < o."dueMinor"
         ORDER BY o."dueMinor" - o."balanceMinor" DESC, o."firstDeductAt" ASC, o."ownerId"
         LIMIT ${AT_RISK_SHOWN}`,
      db.$queryRaw<{ day: string; currency: string; count: number; coveredMinor: bigint; atRiskMinor: bigint }[]>`
        WITH ${dueCte}
        SELECT to_char(d."deductAt" AT TIME ZONE ${timeZone}::text, 'YYYY-MM-DD') AS day, d.currency,
               COUNT(*)::int AS count,
               SUM(CASE WHEN o."balanceMinor" < o."dueMinor" THEN 0 ELSE d."priceMinor" END)::bigint AS "coveredMinor",
               SUM(CASE WHEN o."balanceMinor" < o."dueMinor" THEN d."priceMinor" ELSE 0 END)::bigint AS "atRiskMinor"
          FROM due d JOIN owners o ON o."ownerId" = d."ownerId" AND o.currency = d.currency
         GROUP BY 1, 2 ORDER BY 1`,
      listJobRuns({ page: 1, pageSize: RECENT_RUNS }),
    ]);

  const statusCounts = new Map<DisplayStatus, number>();
  for (const group of statusGroups) statusCounts.set(group.status, group._count._all);
  statusCounts.set("ISSUED", (statusCounts.get("ISSUED") ?? 0) - expired);
  statusCounts.set("EXPIRED", expired);
  const autoRenew: Record<AutoRenewState, number> = { ON: 0, OFF: 0, TERMINATED: 0 };
  for (const group of stateGroups) autoRenew[group.autoRenewState] = group._count._all;

  const due = totals.map((row) => ({
    currency: row.currency,
    accountCount: row.accountCount,
    certificateCount: row.certificateCount,
    dueMinor: Number(row.dueMinor),
    balanceMinor: Number(row.balanceMinor),
    atRiskCount: row.atRiskCount,
    missingMinor: Number(row.missingMinor),
  }));
  const mainCurrency = due[0]?.currency;

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
    due,
    dueByDay: mainCurrency
      ? { currency: mainCurrency, days: fillDays(dateInZone(now, timeZone), EXPIRING_SOON_DAYS, days, mainCurrency) }
      : null,
    atRisk: atRisk.map((row) => ({
      customerId: row.ownerId,
      email: row.email,
      name: row.name,
      currency: row.currency,
      certificateCount: row.certificateCount,
      dueMinor: Number(row.dueMinor),
      balanceMinor: Number(row.balanceMinor),
      missingMinor: Number(row.dueMinor) - Number(row.balanceMinor),
      firstDeductAt: row.firstDeductAt.toISOString(),
    })),
    recentRuns: await withTriggeredBy(runs.items),
  };
}

/** Every calendar day from `today` for `count` more days, with the sums of the days that have fees. */
function fillDays(
  today: string,
  count: number,
  rows: { day: string; currency: string; count: number; coveredMinor: bigint; atRiskMinor: bigint }[],
  currency: string,
): DueDay[] {
  const byDay = new Map(rows.filter((row) => row.currency === currency).map((row) => [row.day, row]));
  return Array.from({ length: count + 1 }, (_, index) => {
    const date = addDaysToDate(today, index);
    const row = byDay.get(date);
    return {
      date,
      count: row?.count ?? 0,
      coveredMinor: Number(row?.coveredMinor ?? 0),
      atRiskMinor: Number(row?.atRiskMinor ?? 0),
    };
  });
}
