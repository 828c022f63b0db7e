import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { NotificationList } from "@/components/notifications/notification-list";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/list-notifications";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const [user, t, params] = await Promise.all([requireUser(), getTranslations("notifications"), searchParams]);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? "1", 10) || 1));
  const data = await listNotifications(user.id, page);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <NotificationList data={data} />
    </>
  );
}
