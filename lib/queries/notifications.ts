import { queryOptions } from "@tanstack/react-query";
import type { UnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { fetchJson } from "@/lib/queries/fetch-json";

export const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread"] as const,
};

export const unreadNotificationsQuery = queryOptions({
  queryKey: notificationKeys.unread,
  queryFn: () => fetchJson<UnreadNotifications>("/api/notifications/unread"),
  // New notices come from the job; a minute is soon enough for a badge.
  refetchInterval: 60_000,
});
