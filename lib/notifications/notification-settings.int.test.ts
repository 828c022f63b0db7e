// The notification settings and centre through their server actions, as the console calls
// them: field problems come back as data, the signing secret is shown once (on creation and
// on rotation) and stored sealed, and marking read touches only the caller's notices.
import { describe, expect, it } from "vitest";
import { actAs } from "@/testing/action-harness";

const { db } = await import("@/lib/db/client");
const { markNotificationsReadAction, rotateWebhookSecretAction, updateNotificationSettingsAction } = await import(
  "@/app/(console)/notifications/actions"
);
const { getNotificationSettings } = await import("@/lib/notifications/get-notification-settings");
const { countUnreadNotifications } = await import("@/lib/notifications/count-unread-notifications");
const { listWebhookDeliveries } = await import("@/lib/notifications/list-webhook-deliveries");
const { createTestUser, TEST_NOW } = await import("@/testing/factories");

const settings = (overrides: Partial<{ reminderDays: string; webhookUrl: string; inApp: boolean }> = {}) => ({
  reminderDays: "30, 7, 1",
  inApp: true,
  email: true,
  webhookUrl: "",
  ...overrides,
});

async function notice(ownerId: string, key: string) {
  return db.notification.create({
    data: { ownerId, kind: "EXPIRY_REMINDER", dedupeKey: `${key}:${ownerId}`, params: { domain: "x.test", days: 7 } },
  });
}

describe("notification settings", () => {
  it("returns each field's problem as data and saves nothing", async () => {
    const user = await createTestUser();
    actAs(user);
    const result = await updateNotificationSettingsAction(
      settings({ reminderDays: "30, soon", webhookUrl: "http://hooks.example.com/x" }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        ok: false,
        fieldErrors: {
          reminderDays: { problem: "NOT_A_NUMBER", value: "soon", count: undefined },
          webhookUrl: { problem: "SCHEME" },
        },
      },
    });
    expect(await db.notificationSettings.count({ where: { ownerId: user.id } })).toBe(0);
    const tooFar = await updateNotificationSettingsAction(settings({ reminderDays: "120" }));
    expect(tooFar.ok && !tooFar.data.ok && tooFar.data.fieldErrors.reminderDays?.problem).toBe("OUT_OF_RANGE");
  });

  it("shows the signing secret once, keeps it sealed, and rotates it", async () => {
    const user = await createTestUser();
    actAs(user);
    const first = await updateNotificationSettingsAction(
      settings({ reminderDays: "0 7 30", webhookUrl: "http://127.0.0.1:9/hook" }),
    );
    if (!first.ok || !first.data.ok) throw new Error(JSON.stringify(first));
    const secret = first.data.newWebhookSecret ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(first.data.settings).toEqual({
      reminderDays: [30, 7, 0],
      inApp: true,
      email: true,
      webhookUrl: "http://127.0.0.1:9/hook",
      hasWebhookSecret: true,
    });
    const stored = await db.notificationSettings.findUniqueOrThrow({
      where: { ownerId: user.id },
      omit: { webhookSecretEncrypted: false },
    });
    expect(stored.webhookSecretEncrypted).not.toContain(secret);

    // Saving again keeps the secret and does not show it.
    const again = await updateNotificationSettingsAction(settings({ webhookUrl: "http://127.0.0.1:9/hook" }));
    expect(again.ok && again.data.ok && again.data.newWebhookSecret).toBeNull();

    const rotated = await rotateWebhookSecretAction({});
    if (!rotated.ok) throw new Error(rotated.message);
    expect(rotated.data.secret).toMatch(/^whsec_/);
    expect(rotated.data.secret).not.toBe(secret);
    expect(
      (
        await db.notificationSettings.findUniqueOrThrow({
          where: { ownerId: user.id },
          omit: { webhookSecretEncrypted: false },
        })
      ).webhookSecretEncrypted,
    ).not.toBe(stored.webhookSecretEncrypted);

    // Removing the webhook forgets the secret; rotating then says there is nothing to rotate.
    await updateNotificationSettingsAction(settings());
    expect(await getNotificationSettings(user.id)).toMatchObject({ webhookUrl: null, hasWebhookSecret: false });
    expect(await rotateWebhookSecretAction({})).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses a signed-out caller", async () => {
    actAs(null);
    expect(await updateNotificationSettingsAction(settings())).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await rotateWebhookSecretAction({})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});

describe("notification centre", () => {
  it("marks only the caller's notices read; the badge count follows, and hides with the in-app channel off", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const [mine, alsoMine] = [await notice(user.id, "a"), await notice(user.id, "b")];
    const theirs = await notice(other.id, "a");
    actAs(user);
    expect(await countUnreadNotifications(user.id)).toEqual({ unread: 2, inApp: true });

    expect(await markNotificationsReadAction({ ids: [mine.id, theirs.id] })).toEqual({ ok: true, data: 1 });
    expect(await countUnreadNotifications(user.id)).toEqual({ unread: 1, inApp: true });
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    await updateNotificationSettingsAction(settings({ inApp: false }));
    expect(await countUnreadNotifications(user.id)).toEqual({ unread: 0, inApp: false });

    expect(await markNotificationsReadAction({ ids: "all" })).toEqual({ ok: true, data: 1 });
    expect((await db.notification.findUniqueOrThrow({ where: { id: alsoMine.id } })).readAt).not.toBeNull();
    expect(await countUnreadNotifications(other.id)).toEqual({ unread: 1, inApp: true });
  });

  it("lists webhook deliveries by page, only the owner's", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    for (let i = 0; i < 23; i++) {
      const made = await notice(user.id, `page-${i}`);
      await db.webhookDelivery.create({
        data: {
          notificationId: made.id,
          url: "https://hooks.example.test/x?token=secret",
          status: i % 2 ? "SENT" : "PENDING",
          attempts: 1,
          nextAttemptAt: new Date(TEST_NOW.getTime() + 60_000),
          createdAt: new Date(TEST_NOW.getTime() + i * 1_000),
        },
      });
    }
    const first = await listWebhookDeliveries(user.id, 1);
    const second = await listWebhookDeliveries(user.id, 2);
    expect([first.total, first.items.length, second.items.length]).toEqual([23, 20, 3]);
    expect(first.items[0]?.createdAt).toBe(new Date(TEST_NOW.getTime() + 22_000).toISOString());
    // The next retry only means something while the delivery is pending.
    expect(first.items.filter((item) => item.status === "SENT").every((item) => item.nextAttemptAt === null)).toBe(
      true,
    );
    expect((await listWebhookDeliveries(other.id, 1)).total).toBe(0);
  });
});
