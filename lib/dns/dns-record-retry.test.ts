import { describe, expect, it } from "vitest";
import { nextDnsRecordAttemptAt } from "@/lib/dns/dns-record-retry";

const failedAt = new Date("2026-12-01T00:00:00Z");
const delaySeconds = (attempts: number) =>
  (nextDnsRecordAttemptAt(attempts, failedAt).getTime() - failedAt.getTime()) / 1000;

describe("nextDnsRecordAttemptAt", () => {
  it("backs off from 30 seconds to an hour, and keeps trying hourly", () => {
    expect([1, 2, 3, 4, 5, 50].map(delaySeconds)).toEqual([30, 120, 600, 1800, 3600, 3600]);
  });

  it("treats a nonsensical count as the first failure", () => {
    expect(delaySeconds(0)).toBe(30);
    expect(delaySeconds(-3)).toBe(30);
  });
});
