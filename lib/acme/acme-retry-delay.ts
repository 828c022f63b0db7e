// When a later job run should try a transient ACME failure again: exponential backoff
// with jitter, never sooner than the CA's Retry-After. Pure: the attempt number and the
// random draw are arguments.
import type { AcmeFailure } from "@/lib/acme/acme-types";

const MINUTE_MS = 60_000;
/** First wait after a transient failure; a rate limit starts at half an hour (CAs count per hour and per week). */
const FIRST_DELAY_MS = { default: MINUTE_MS, RATE_LIMITED: 30 * MINUTE_MS } as const;
const MAX_DELAY_MS = 6 * 60 * MINUTE_MS;

/**
 * Milliseconds to wait before retry number `attempt` (1 for the first retry), or null when
 * the failure is not transient (nothing to retry: a new order, an account or a setting is
 * needed). `random` is a draw in [0, 1): the delay lands between half and all of the
 * exponential step, so many renewals failing together do not retry together.
 */
export function acmeRetryDelayMs(input: { failure: AcmeFailure; attempt: number; random: number }): number | null {
  if (!input.failure.transient) return null;
  const attempt = Math.max(1, Math.floor(input.attempt));
  const first = input.failure.reason === "RATE_LIMITED" ? FIRST_DELAY_MS.RATE_LIMITED : FIRST_DELAY_MS.default;
  const step = Math.min(MAX_DELAY_MS, first * 2 ** Math.min(attempt - 1, 30));
  const draw = Math.min(Math.max(input.random, 0), 1);
  const jittered = Math.round(step / 2 + (step / 2) * draw);
  const retryAfterMs = (input.failure.retryAfterSeconds ?? 0) * 1000;
  return Math.max(jittered, retryAfterMs);
}
