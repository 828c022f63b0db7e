import { SettingsIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { NotificationList } from "@/components/notifications/notification-list";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getNotificationSettings } from "@/lib/notifications/get-notification-settings";
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
  const [user, t, query] = await Promise.all([requireUser(), getTranslations("notifications"), searchParams]);
  const params = parseNotificationListParams(query);
  const [data, settings] = await Promise.all([listNotifications(user.id, params), getNotificationSettings(user.id)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button variant="outline" asChild>
            <Link href="/notifications/settings" data-testid="notification-settings-link">
              <SettingsIcon aria-hidden />
              {t("settingsLink")}
            </Link>
          </Button>
        }
      />
      {!settings.inApp && (
        <Alert className="mb-4">
          <AlertDescription>{t("inAppOff")}</AlertDescription>
        </Alert>
      )}
      <NotificationList data={data} params={params} />
    </>
  );
}
