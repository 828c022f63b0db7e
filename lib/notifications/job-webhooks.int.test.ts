// The renewal job's notify step end to end: notices go to a real HTTP server standing in
// for the customer's webhook receiver, signed with the account's secret; a failing receiver
// is tried again by later runs after the backoff, and nothing is delivered twice. Expiry
// reminders follow the account's days and the certificate's "ignore notifications".
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The job's business clock and its wall clock (retry schedule) are both the test's.
const clock = vi.hoisted(() => ({
  now: new Date("2026-06-15T08:00:00Z"),
  real: new Date("2026-06-15T08:00:00Z"),
}));
vi.mock("@/lib/clock", () => ({
  now: async () => clock.now,
  systemNow: () => clock.real,
  isClockSimulated: async () => false,
  getClockOffsetMs: async () => 0,
}));

type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
// What the receiver answers next; 200 once the queue is empty.
const answers: number[] = [];
const receiver = createServer((request, response) => {
  let body = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => {
    body += chunk;
  });
  request.on("end", () => {
    received.push({ headers: request.headers, body });
    response.statusCode = answers.shift() ?? 200;
    response.end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/certdesk?token=abc`;
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const { db } = await import("@/lib/db/client");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
const { updateNotificationSettings } = await import("@/lib/notifications/update-notification-settings");
const { verifyWebhookSignature } = await import("@/lib/notifications/sign-webhook");
const { createTestCertificate, createTestUser, TEST_NOW } = await import("@/testing/factories");

const MINUTE = 60_000;
const DAY = 86_400_000;

async function runJob() {
  const run = await executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);
  expect(run.status).toBe("SUCCEEDED");
  return run;
}

/** A customer whose webhook points at the receiver; returns the signing secret shown once. */
async function customerWithWebhook(reminderDays = "30, 15, 7, 3, 1, 0") {
  const user = await createTestUser();
  const saved = await updateNotificationSettings({
    ownerId: user.id,
    reminderDays,
    inApp: true,
    email: false,
    webhookUrl: hookUrl,
    actorId: user.id,
    ip: null,
    // Configured before the notices of this test are made.
    now: new Date(TEST_NOW.getTime() - MINUTE),
  });
  if (!saved.ok || !saved.newWebhookSecret) throw new Error("webhook settings were not saved");
  return { user, secret: saved.newWebhookSecret };
}

beforeEach(() => {
  received.length = 0;
  answers.length = 0;
  clock.now = TEST_NOW;
  clock.real = TEST_NOW;
});

describe("renewal job: webhooks", () => {
  it("delivers each new notice once, signed with HMAC-SHA256 of the raw body", async () => {
    const { user, secret } = await customerWithWebhook();
    const expiring = await createTestCertificate(user.id, { expiresInDays: 6 });

    const run = await runJob();
    expect(run.counts.webhooksDelivered).toBe(1);
    expect(received).toHaveLength(1);
    const [request] = received;
    if (!request) throw new Error("nothing received");
    expect(request.headers["content-type"]).toBe("application/json");
    const signature = String(request.headers["x-certdesk-signature"]);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(request.body, secret, signature)).toBe(true);
    expect(verifyWebhookSignature(`${request.body} `, secret, signature)).toBe(false);
    expect(verifyWebhookSignature(request.body, "whsec_someone-else", signature)).toBe(false);
    expect(JSON.parse(request.body)).toMatchObject({
      kind: "EXPIRY_REMINDER",
      certificateId: expiring.id,
      params: { domain: expiring.domain, days: 7 },
    });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { notification: { ownerId: user.id } } });
    expect(request.headers["x-certdesk-delivery"]).toBe(delivery.id);
    expect(delivery).toMatchObject({ status: "SENT", attempts: 1, responseStatus: 200, nextAttemptAt: null });

    // Later runs (a minute later, a day later) send nothing more for it.
    clock.real = new Date(TEST_NOW.getTime() + 2 * MINUTE);
    await runJob();
    clock.now = new Date(TEST_NOW.getTime() + 0.5 * DAY);
    clock.real = new Date(TEST_NOW.getTime() + 0.5 * DAY);
    await runJob();
    expect(received).toHaveLength(1);
    expect(await db.webhookDelivery.count({ where: { notification: { ownerId: user.id } } })).toBe(1);
  });

  it("retries a failing receiver in later runs with exponential backoff, then delivers it once", async () => {
    const { user, secret } = await customerWithWebhook();
    await createTestCertificate(user.id, { expiresInDays: 2 });
    answers.push(500, 503);
    const delivery = () => db.webhookDelivery.findFirstOrThrow({ where: { notification: { ownerId: user.id } } });

    await runJob();
    expect(received).toHaveLength(1);
    const first = await delivery();
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: 500, lastError: expect.any(String) });
    expect(first.nextAttemptAt?.getTime()).toBe(TEST_NOW.getTime() + MINUTE);

    // Not due yet: a run 30 seconds later leaves it alone.
    clock.real = new Date(TEST_NOW.getTime() + 30_000);
    await runJob();
    expect(received).toHaveLength(1);

    // Due: the second attempt fails too, and the wait grows to 5 minutes.
    const secondAt = new Date(TEST_NOW.getTime() + MINUTE + 1_000);
    clock.real = secondAt;
    await runJob();
    expect(received).toHaveLength(2);
    const second = await delivery();
    expect(second).toMatchObject({ status: "PENDING", attempts: 2, responseStatus: 503 });
    expect(second.nextAttemptAt?.getTime()).toBe(secondAt.getTime() + 5 * MINUTE);

    clock.real = new Date(secondAt.getTime() + 4 * MINUTE);
    await runJob();
    expect(received).toHaveLength(2);

    // The third attempt gets through; the same body and a valid signature each time.
    clock.real = new Date(secondAt.getTime() + 5 * MINUTE + 1_000);
    const run = await runJob();
    expect(run.counts.webhooksDelivered).toBe(1);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((request) => request.body)).size).toBe(1);
    for (const request of received) {
      expect(verifyWebhookSignature(request.body, secret, String(request.headers["x-certdesk-signature"]))).toBe(true);
    }
    expect(await delivery()).toMatchObject({ status: "SENT", attempts: 3, responseStatus: 200, nextAttemptAt: null });

    clock.real = new Date(secondAt.getTime() + DAY);
    await runJob();
    expect(received).toHaveLength(3);
  });

  it("sends expiry reminders on the account's days only, and none for an ignored certificate", async () => {
    const { user } = await customerWithWebhook("3, 0");
    const inSixDays = await createTestCertificate(user.id, { expiresInDays: 6 });
    const ignored = await createTestCertificate(user.id, { expiresInDays: 2, ignoreNotifications: true });
    const inTwoDays = await createTestCertificate(user.id, { expiresInDays: 2 });

    await runJob();
    const notices = await db.notification.findMany({ where: { ownerId: user.id, kind: "EXPIRY_REMINDER" } });
    expect(notices.map((notice) => [notice.certificateId, (notice.params as { days: number }).days])).toEqual([
      [inTwoDays.id, 3],
    ]);
    expect(received.map((request) => (JSON.parse(request.body) as { certificateId: string }).certificateId)).toEqual([
      inTwoDays.id,
    ]);

    // Three days on, the six-day certificate reaches its 3-day reminder; the ignored one never does.
    clock.now = new Date(TEST_NOW.getTime() + 3.5 * DAY);
    clock.real = clock.now;
    await runJob();
    const later = await db.notification.findMany({ where: { ownerId: user.id, kind: "EXPIRY_REMINDER" } });
    expect(later.filter((notice) => notice.certificateId === inSixDays.id)).toHaveLength(1);
    expect(later.filter((notice) => notice.certificateId === ignored.id)).toEqual([]);
  });

  it("sends nothing to an account without a webhook", async () => {
    const user = await createTestUser();
    await createTestCertificate(user.id, { expiresInDays: 6 });
    await runJob();
    expect(await db.notification.count({ where: { ownerId: user.id } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { notification: { ownerId: user.id } } })).toBe(0);
    expect(received).toHaveLength(0);
  });
});
