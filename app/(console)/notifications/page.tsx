import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { NotificationList } from "@/components/notifications/notification-list";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { parseNotificationListParams } from "@/lib/notifications/notification-list-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, t, params] = await Promise.all([requireUser(), getTranslations("notifications"), searchParams]);
  const data = await listNotifications(user.id, parseNotificationListParams(params));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NotificationList data={data} />
    </>
  );
}
