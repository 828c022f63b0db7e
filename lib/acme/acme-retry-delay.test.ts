import { describe, expect, it } from "vitest";
import { acmeFailure } from "@/lib/acme/acme-failure";
import { acmeRetryDelayMs } from "@/lib/acme/acme-retry-delay";

const MINUTE = 60_000;
const unreachable = acmeFailure("CA_UNREACHABLE", "connect ECONNREFUSED");

describe("acmeRetryDelayMs", () => {
  it("doubles from one minute, with the draw choosing between half and all of the step", () => {
    expect(acmeRetryDelayMs({ failure: unreachable, attempt: 1, random: 0 })).toBe(MINUTE / 2);
    expect(acmeRetryDelayMs({ failure: unreachable, attempt: 1, random: 0.999999 })).toBe(MINUTE);
    expect(acmeRetryDelayMs({ failure: unreachable, attempt: 2, random: 1 })).toBe(2 * MINUTE);
    expect(acmeRetryDelayMs({ failure: unreachable, attempt: 4, random: 0.5 })).toBe(6 * MINUTE);
  });

  it("stops growing at six hours", () => {
    expect(acmeRetryDelayMs({ failure: unreachable, attempt: 10, random: 1 })).toBe(360 * MINUTE);
    expect(acmeRetryDelayMs({ failure: unreachable, attempt: 1_000, random: 1 })).toBe(360 * MINUTE);
  });

  it("starts a rate limit at half an hour and never retries before the CA's Retry-After", () => {
    const limited = acmeFailure("RATE_LIMITED", "too many", { retryAfterSeconds: 3 * 3600 });
    expect(acmeRetryDelayMs({ failure: limited, attempt: 1, random: 0 })).toBe(180 * MINUTE);
    const withoutHeader = acmeFailure("RATE_LIMITED", "too many");
    expect(acmeRetryDelayMs({ failure: withoutHeader, attempt: 1, random: 1 })).toBe(30 * MINUTE);
    // A Retry-After beyond the cap is still honoured.
    const long = acmeFailure("CA_ERROR", "maintenance", { retryAfterSeconds: 24 * 3600 });
    expect(acmeRetryDelayMs({ failure: long, attempt: 1, random: 0 })).toBe(24 * 60 * MINUTE);
  });

  it("gives nothing to wait for when the failure is not transient", () => {
    expect(
      acmeRetryDelayMs({ failure: acmeFailure("RECORD_NOT_FOUND", "no TXT"), attempt: 1, random: 0.5 }),
    ).toBeNull();
    expect(acmeRetryDelayMs({ failure: acmeFailure("EAB_REFUSED", "bad key"), attempt: 3, random: 0.5 })).toBeNull();
  });

  it("treats a nonsensical attempt or draw as the nearest sensible one", () => {
    expect(acmeRetryDelayMs({ failure: unreachable, attempt: 0, random: -1 })).toBe(MINUTE / 2);
    expect(acmeRetryDelayMs({ failure: unreachable, attempt: 1.7, random: 2 })).toBe(MINUTE);
  });
});
