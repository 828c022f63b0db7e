// How many failed sign-ins are tolerated before further attempts are refused.
// Pure: it gets the recent failure times and `now`, and says whether to proceed.
//
// Per account: at most 10 failures a minute and 100 an hour. Attempts that carry
// the account's own device cookie (a browser that signed in before) are counted
// on their own, so an attack from other addresses does not lock the real user out.
// Per IP: at most 20 failures a minute and 200 an hour, over all accounts.

export type LimitWindow = { maxFailures: number; windowMs: number };

export const ACCOUNT_LIMITS: readonly LimitWindow[] = [
  { maxFailures: 10, windowMs: 60_000 },
  { maxFailures: 100, windowMs: 3_600_000 },
];

export const IP_LIMITS: readonly LimitWindow[] = [
  { maxFailures: 20, windowMs: 60_000 },
  { maxFailures: 200, windowMs: 3_600_000 },
];

/** The longest window and largest count the checks need; queries fetch no more. */
export function lookback(limits: readonly LimitWindow[]): { sinceMs: number; take: number } {
  return {
    sinceMs: Math.max(...limits.map((limit) => limit.windowMs)),
    take: Math.max(...limits.map((limit) => limit.maxFailures)),
  };
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * `failures` are failure times, newest first. A window is full when its
 * `maxFailures`-th newest failure is still inside it; it frees up when that one leaves.
 */
export function checkLimits(failures: readonly Date[], limits: readonly LimitWindow[], now: Date): LimitDecision {
  let retryAt = 0;
  for (const { maxFailures, windowMs } of limits) {
    const oldestCounted = failures[maxFailures - 1];
    if (!oldestCounted) continue;
    const leavesWindowAt = oldestCounted.getTime() + windowMs;
    if (leavesWindowAt > now.getTime()) retryAt = Math.max(retryAt, leavesWindowAt);
  }
  if (retryAt === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}
