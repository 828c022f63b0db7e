"use client";

import { useQuery } from "@tanstack/react-query";
import { BellIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { unreadNotificationsQuery } from "@/lib/queries/notifications";

/** The header bell: links to the notification centre, with the unread count as a badge. */
export function NotificationBell() {
  const t = useTranslations("notifications.bell");
  const { data } = useQuery(unreadNotificationsQuery);
  const unread = data?.unread ?? 0;
  return (
    <Link
      href="/notifications"
      className="relative inline-flex size-9 items-center justify-center rounded-md hover:bg-accent"
      aria-label={unread > 0 ? t("labelUnread", { count: unread }) : t("label")}
      data-testid="notification-bell"
    >
      <BellIcon className="size-4" aria-hidden />
      {unread > 0 && (
        <span
          className="absolute top-1 right-0.5 min-w-4 rounded-full bg-destructive px-1 text-center text-[10px] leading-4 font-semibold text-destructive-foreground tabular-nums"
          data-testid="notification-badge"
          aria-hidden
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
