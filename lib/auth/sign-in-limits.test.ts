import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS, checkLimits, IP_LIMITS, lookback } from "@/lib/auth/sign-in-limits";

const now = new Date("2026-03-01T12:00:00Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
/** `count` failures, newest first, one every `spacing` seconds starting `start` seconds ago. */
const failures = (count: number, spacing: number, start = 0) =>
  Array.from({ length: count }, (_, i) => secondsAgo(start + i * spacing));

describe("checkLimits (per account: 10 a minute, 100 an hour)", () => {
  it("allows the 10th attempt after 9 failures in a minute", () => {
    expect(checkLimits(failures(9, 1), ACCOUNT_LIMITS, now)).toEqual({ allowed: true });
  });

  it("refuses after 10 failures within a minute, until the oldest of them is a minute old", () => {
    const recent = failures(10, 5); // newest now, oldest 45 s ago
    expect(checkLimits(recent, ACCOUNT_LIMITS, now)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    const later = new Date(now.getTime() + 15_000);
    expect(checkLimits(recent, ACCOUNT_LIMITS, later)).toEqual({ allowed: true });
  });

  it("counts a failure exactly one window old as gone", () => {
    expect(checkLimits(failures(10, 0, 60), ACCOUNT_LIMITS, now)).toEqual({ allowed: true });
    expect(checkLimits(failures(10, 0, 59), ACCOUNT_LIMITS, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refuses after 100 failures in an hour even when spread out below the minute limit", () => {
    const spread = failures(100, 30); // 2 a minute, over 49.5 minutes
    const decision = checkLimits(spread, ACCOUNT_LIMITS, now);
    expect(decision.allowed).toBe(false);
    // The oldest counted failure (99 × 30 s = 2970 s ago) leaves the hour in 630 s.
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 630 });
  });

  it("takes the later of two full windows", () => {
    const both = [...failures(10, 1), ...failures(90, 30, 60)];
    const decision = checkLimits(both, ACCOUNT_LIMITS, now);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.retryAfterSeconds).toBeGreaterThan(60);
  });
});

describe("per-IP limits and lookback", () => {
  it("refuses the 21st failure from one address within a minute", () => {
    expect(checkLimits(failures(19, 1), IP_LIMITS, now).allowed).toBe(true);
    expect(checkLimits(failures(20, 1), IP_LIMITS, now).allowed).toBe(false);
  });

  it("fetches only as many failures and as far back as the largest window needs", () => {
    expect(lookback(ACCOUNT_LIMITS)).toEqual({ sinceMs: 3_600_000, take: 100 });
    expect(lookback(IP_LIMITS)).toEqual({ sinceMs: 3_600_000, take: 200 });
  });
});
