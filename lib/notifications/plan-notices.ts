// Which scheduled notices are due now (docs/domain.md, "ours"): expiry reminders on the
// configured days before expiry and on the day of expiry, and balance warnings 7
// days and 1 day before a deduction the balance will not cover. Pure: the dedupe
// key makes each notice happen once however many runs see it.
import { MS_PER_DAY } from "@/lib/time";

export const DEFAULT_REMINDER_DAYS = [30, 15, 7, 3, 1, 0] as const;
export const BALANCE_WARNING_DAYS = [7, 1] as const;
/** An on-expiry notice is still worth sending this long after the moment (a run may be late). */
const EXPIRED_NOTICE_GRACE_MS = 3 * MS_PER_DAY;

/**
 * The reminder due for a certificate expiring at `expiresAt`: the most recent
 * threshold crossed (only that one, so a late run does not send a burst of old
 * reminders), or null. 0 means "expires today / has expired".
 */
export function dueExpiryReminder(expiresAt: Date, now: Date, reminderDays: readonly number[]): number | null {
  const remaining = expiresAt.getTime() - now.getTime();
  const days = [...new Set(reminderDays)].filter((day) => Number.isInteger(day) && day >= 0).sort((a, b) => a - b);
  if (remaining <= 0) {
    return days.includes(0) && remaining > -EXPIRED_NOTICE_GRACE_MS ? 0 : null;
  }
  return days.find((day) => day > 0 && remaining <= day * MS_PER_DAY) ?? null;
}

export function expiryReminderKey(certificateId: string, expiresAt: Date, day: number): string {
  return `expiry:${certificateId}:${expiresAt.toISOString()}:${day}`;
}

/** The balance warning due for an uncovered deduction at `deductAt`, or null. */
export function dueBalanceWarning(deductAt: Date, now: Date): number | null {
  const remaining = deductAt.getTime() - now.getTime();
  if (remaining <= 0) return null;
  return [...BALANCE_WARNING_DAYS].sort((a, b) => a - b).find((day) => remaining <= day * MS_PER_DAY) ?? null;
}

export function balanceWarningKey(certificateId: string, deductAt: Date, day: number): string {
  return `balance:${certificateId}:${deductAt.toISOString()}:${day}`;
}
