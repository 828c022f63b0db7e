// When a validation record the DNS server refused or did not take is written (or removed)
// again. Pure. There is no last attempt: a wrong key or an unreachable server is the
// operator's to fix, and the record must land once they have; the job run reports each failure.

const DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000] as const;
const MAX_DELAY_MS = 60 * 60_000;

/** The time of the next attempt after `attempts` failed ones (1 for the first failure). */
export function nextDnsRecordAttemptAt(attempts: number, failedAt: Date): Date {
  const delay = DELAYS_MS[Math.max(1, Math.floor(attempts)) - 1] ?? MAX_DELAY_MS;
  return new Date(failedAt.getTime() + delay);
}
