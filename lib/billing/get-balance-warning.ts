import "server-only";
import { type BalanceWarning, buildBalanceWarning } from "@/lib/billing/build-balance-warning";
import { listUpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import { listUpcomingFeeGroups } from "@/lib/billing/list-upcoming-fee-groups";
import { EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { balanceCoversEveryFee } from "@/lib/renewal/plan-renewal-fees";
import { addDays } from "@/lib/time";

/**
 * The console banner's facts: fees due in the next 30 days that the balance does not cover.
 * Every console page asks, and the balance usually covers them all: the candidates counted
 * per product say so in a few rows, and only an account that may fall short has its
 * candidates read one by one and planned.
 */
export async function getBalanceWarning(ownerId: string, now: Date): Promise<BalanceWarning | null> {
  const window = { now, until: addDays(now, EXPIRING_SOON_DAYS) };
  const { account, groups } = await listUpcomingFeeGroups(ownerId, window);
  if (balanceCoversEveryFee({ now, account, groups })) return null;
  return buildBalanceWarning(await listUpcomingDeductions(ownerId, window), now, window.until);
}
