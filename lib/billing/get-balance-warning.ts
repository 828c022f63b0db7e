import "server-only";
import { type BalanceWarning, buildBalanceWarning } from "@/lib/billing/build-balance-warning";
import { listUpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import { EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { addDays } from "@/lib/time";

/** The console banner's facts: fees due in the next 30 days that the balance does not cover. */
export async function getBalanceWarning(ownerId: string, now: Date): Promise<BalanceWarning | null> {
  const until = addDays(now, EXPIRING_SOON_DAYS);
  return buildBalanceWarning(await listUpcomingDeductions(ownerId, { now, until }), now, until);
}
