import "server-only";
import { getAccountBalance } from "@/lib/billing/get-account-balance";
import { listUpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import { type BalanceWarning, balanceWarning } from "@/lib/billing/project-deductions";
import { EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { addDays } from "@/lib/time";

/** The console banner's facts: fees due in the next 30 days that the balance does not cover. */
export async function getBalanceWarning(ownerId: string, now: Date): Promise<BalanceWarning | null> {
  const until = addDays(now, EXPIRING_SOON_DAYS);
  const [balance, deductions] = await Promise.all([
    getAccountBalance(ownerId),
    listUpcomingDeductions(ownerId, now, until),
  ]);
  return balanceWarning(balance.balanceMinor, balance.currency, deductions, until);
}
