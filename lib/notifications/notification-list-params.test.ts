import { describe, expect, it } from "vitest";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import { parseNotificationListParams } from "@/lib/notifications/notification-list-params";
import { NOTIFICATION_KINDS, notificationListQueryString } from "@/lib/notifications/notification-list-query";

describe("notification list params", () => {
  it("reads filters and falls back on bad values", () => {
    expect(parseNotificationListParams({ kind: "EXPIRY_REMINDER", status: "unread", page: "3" })).toEqual({
      kind: "EXPIRY_REMINDER",
      status: "unread",
      page: 3,
      pageSize: 20,
    });
    expect(parseNotificationListParams({ kind: "NOPE", status: "x", page: "-1", pageSize: "500" })).toEqual({
      kind: undefined,
      status: undefined,
      page: 1,
      pageSize: 20,
    });
  });

  it("writes short URLs", () => {
    expect(notificationListQueryString({ kind: "RENEWAL_ISSUED", page: 1 })).toBe("kind=RENEWAL_ISSUED");
    expect(notificationListQueryString({ status: "read", page: 2 })).toBe("status=read&page=2");
  });

  it("knows every kind the schema has", () => {
    expect([...NOTIFICATION_KINDS].sort()).toEqual(Object.values(NotificationKind).sort());
  });
});
