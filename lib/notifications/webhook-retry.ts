// When a failed webhook delivery is tried again (exponential backoff), and when it is
// given up. Pure.

/** Delays after the 1st, 2nd, … failed attempt; after the last one the delivery has FAILED. */
export const WEBHOOK_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/** The next attempt after `attempts` failed ones, or null: give up. */
export function nextWebhookAttemptAt(attempts: number, failedAt: Date): Date | null {
  const delay = WEBHOOK_RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
