import { describe, expect, it } from "vitest";
import { checkNotificationSettings } from "@/lib/notifications/check-notification-settings";

describe("checkNotificationSettings (the settings form and updateNotificationSettings)", () => {
  it("parses reminder days and the webhook URL; an empty URL is no webhook", () => {
    const checked = checkNotificationSettings({
      reminderDays: "7, 30，1",
      webhookUrl: " https://hooks.example.com/x#y ",
    });
    expect(checked.ok && { days: checked.reminderDays, url: checked.webhookUrl?.href }).toEqual({
      days: [30, 7, 1],
      url: "https://hooks.example.com/x",
    });
    expect(checkNotificationSettings({ reminderDays: "", webhookUrl: "  " })).toEqual({
      ok: true,
      reminderDays: [],
      webhookUrl: null,
    });
  });

  it("reports every field's problem at once, with what the message needs", () => {
    expect(checkNotificationSettings({ reminderDays: "30, soon", webhookUrl: "http://hooks.example.com" })).toEqual({
      ok: false,
      fieldErrors: {
        reminderDays: { problem: "NOT_A_NUMBER", value: "soon", count: undefined },
        webhookUrl: { problem: "SCHEME" },
      },
    });
    expect(checkNotificationSettings({ reminderDays: "1 2 3 4 5 6 7 8 9 10 11", webhookUrl: "" })).toMatchObject({
      fieldErrors: { reminderDays: { problem: "TOO_MANY", count: 11 } },
    });
  });
});
