import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { listUpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import { db } from "@/lib/db/client";
import type { AutoRenewState, Role } from "@/lib/generated/prisma/enums";
import { EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { planRenewalFees } from "@/lib/renewal/plan-renewal-fees";
import { addDays } from "@/lib/time";

export type CustomerDetail = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
  sessionVersion: number;
  balanceMinor: number;
  currency: string;
  certificateCount: number;
  autoRenew: Record<AutoRenewState, number>;
  /**
   * Renewal fees the job will try to deduct within 30 days, at today's prices: how many
   * the balance will not cover, and the top-up that would cover them all.
   */
  dueIn30Days: { count: number; dueMinor: number; uncoveredCount: number; missingMinor: number };
};

/** One account with its balance and what it owes soon; null when there is no such account. */
export async function getCustomerDetail(actor: Actor, customerId: string, now: Date): Promise<CustomerDetail | null> {
  assertAdmin(actor);
  const user = await db.user.findUnique({
    where: { id: customerId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      sessionVersion: true,
      billingAccount: { select: { balanceMinor: true, currency: true } },
    },
  });
  if (!user) return null;
  const until = addDays(now, EXPIRING_SOON_DAYS);
  const [states, upcoming] = await Promise.all([
    db.certificate.groupBy({ by: ["autoRenewState"], where: { ownerId: user.id }, _count: { _all: true } }),
    listUpcomingDeductions(user.id, { now, until }),
  ]);
  const plan = planRenewalFees({ now, until, ...upcoming });
  const autoRenew: Record<AutoRenewState, number> = { ON: 0, OFF: 0, TERMINATED: 0 };
  for (const row of states) autoRenew[row.autoRenewState] = row._count._all;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    sessionVersion: user.sessionVersion,
    balanceMinor: user.billingAccount?.balanceMinor ?? 0,
    currency: user.billingAccount?.currency ?? "USD",
    // Every certificate has one auto-renewal state: their counts add up to all of them.
    certificateCount: Object.values(autoRenew).reduce((sum, count) => sum + count, 0),
    autoRenew,
    dueIn30Days: {
      count: plan.due.length,
      dueMinor: plan.dueMinor,
      uncoveredCount: plan.uncoveredCount,
      missingMinor: plan.missingMinor,
    },
  };
}
