import { describe, expect, it } from "vitest";
import { nextWebhookAttemptAt, WEBHOOK_MAX_ATTEMPTS } from "@/lib/notifications/webhook-retry";

describe("nextWebhookAttemptAt", () => {
  const failedAt = new Date("2026-06-01T00:00:00Z");
  const minutesLater = (attempts: number) => {
    const next = nextWebhookAttemptAt(attempts, failedAt);
    return next ? (next.getTime() - failedAt.getTime()) / 60_000 : null;
  };

  it("backs off 1 min, 5 min, 30 min, 2 h, 12 h, then gives up", () => {
    expect([1, 2, 3, 4, 5, 6].map(minutesLater)).toEqual([1, 5, 30, 120, 720, null]);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(6);
  });
});
