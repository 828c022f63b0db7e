"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { markNotificationsReadAction } from "@/app/(console)/notifications/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { NotificationPage } from "@/lib/notifications/list-notifications";
import { notificationValues } from "@/lib/notifications/notification-values";
import { cn } from "@/lib/utils";

export function NotificationList({ data }: { data: NotificationPage }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const formatInstant = (iso: string) => format.dateTime(new Date(iso), "dateTime");

  if (data.items.length === 0) {
    return (
      <Card className="p-10 text-center text-sm text-muted-foreground" data-testid="notifications-empty">
        {t("empty")}
      </Card>
    );
  }
  return (
    <div className="grid gap-3">
      {data.unread > 0 && (
        <div className="flex justify-end">
          <Button
            variant="outline"
            size="sm"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                await markNotificationsReadAction({ ids: "all" });
                router.refresh();
              })
            }
          >
            {t("markAllRead")}
          </Button>
        </div>
      )}
      <Card className="divide-y">
        <ul>
          {data.items.map((item) => {
            const values = notificationValues(item.params, locale, formatInstant);
            return (
              <li
                key={item.id}
                data-testid="notification"
                data-kind={item.kind}
                className={cn("grid gap-1 px-5 py-4", !item.read && "bg-primary/5")}
              >
                <div className="flex flex-wrap items-center gap-2">
                  {!item.read && <Badge>{t("unread")}</Badge>}
                  <h2 className="font-medium">{t(`kind.${item.kind}.title`, values)}</h2>
                </div>
                <p className="text-sm text-muted-foreground">{t(`kind.${item.kind}.body`, values)}</p>
                <div className="flex flex-wrap items-center gap-3 text-xs text-muted-foreground">
                  <time dateTime={item.createdAt}>{formatInstant(item.createdAt)}</time>
                  {item.certificateId && (
                    <Link
                      href={`/certificates/${item.certificateId}`}
                      className="font-medium text-primary hover:underline"
                    >
                      {t("viewCertificate")}
                    </Link>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
