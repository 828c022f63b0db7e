import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { NotificationSettingsForm } from "@/components/notifications/notification-settings-form";
import { WebhookDeliveryLog } from "@/components/notifications/webhook-delivery-log";
import { WebhookSignatureHelp } from "@/components/notifications/webhook-signature-help";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getNotificationSettings } from "@/lib/notifications/get-notification-settings";
import { listWebhookDeliveries } from "@/lib/notifications/list-webhook-deliveries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.settings");
  return { title: t("title") };
}

const pageSchema = (value: string | string[] | undefined) => {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
};

export default async function NotificationSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, t, query] = await Promise.all([requireUser(), getTranslations("notifications.settings"), searchParams]);
  const [settings, deliveries] = await Promise.all([
    getNotificationSettings(user.id),
    listWebhookDeliveries(user.id, pageSchema(query.page)),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button variant="outline" asChild>
            <Link href="/notifications">
              <ArrowLeftIcon aria-hidden />
              {t("back")}
            </Link>
          </Button>
        }
      />
      <div className="grid gap-6">
        <NotificationSettingsForm settings={settings} email={user.email} />
        <WebhookSignatureHelp />
        <WebhookDeliveryLog deliveries={deliveries} />
      </div>
    </>
  );
}
