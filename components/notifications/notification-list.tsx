"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CheckIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { markNotificationsReadAction } from "@/app/(console)/notifications/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { RowLink } from "@/components/ui/row-link";
import { toast } from "@/components/ui/toast";
import type { NotificationItem, NotificationPage } from "@/lib/notifications/list-notifications";
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationListParams,
  notificationListQueryString,
} from "@/lib/notifications/notification-list-query";
import { notificationValues } from "@/lib/notifications/notification-values";
import { notificationKeys } from "@/lib/queries/notifications";
import { cn } from "@/lib/utils";

const hrefOf = (params: Partial<NotificationListParams>) => {
  const query = notificationListQueryString(params);
  return query ? `/notifications?${query}` : "/notifications";
};

/** The notification centre: filters in the URL, one page of notices, marking them read. */
export function NotificationList({ data, params }: { data: NotificationPage; params: NotificationListParams }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const filtered = params.kind !== undefined || params.status !== undefined;

  const markRead = (ids: string[] | "all") =>
    startTransition(async () => {
      const result = await markNotificationsReadAction({ ids });
      if (!result.ok) {
        toast.error(result.message || t("markError"));
        return;
      }
      // The header badge counts unread notices: refetch it, and the page's own list.
      await queryClient.invalidateQueries({ queryKey: notificationKeys.unread });
      router.refresh();
      if (ids === "all") toast.success(t("markedRead", { count: result.data }));
    });

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <NotificationFilters params={params} />
        {data.unread > 0 && (
          <Button
            variant="outline"
            size="sm"
            disabled={pending}
            onClick={() => markRead("all")}
            data-testid="mark-all-read"
          >
            <CheckIcon aria-hidden />
            {t("markAllRead")}
          </Button>
        )}
      </div>
      {data.items.length === 0 ? (
        <Card className="grid justify-items-center gap-3 p-10 text-center text-sm text-muted-foreground">
          <p data-testid="notifications-empty">{filtered ? t("emptyFiltered") : t("empty")}</p>
          {filtered && (
            <Button variant="outline" size="sm" asChild>
              <Link href="/notifications">{t("clearFilters")}</Link>
            </Button>
          )}
        </Card>
      ) : (
        <Card className="overflow-hidden p-0">
          <ul className="divide-y" data-testid="notification-list">
            {data.items.map((item) => (
              <NotificationEntry key={item.id} item={item} pending={pending} onMarkRead={() => markRead([item.id])} />
            ))}
          </ul>
        </Card>
      )}
      <PaginationLinks
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        hrefFor={(page) => hrefOf({ ...params, page })}
      />
    </div>
  );
}

function NotificationFilters({ params }: { params: NotificationListParams }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const kindId = useId();
  const statusId = useId();
  // A new filter starts again on page 1.
  const go = (next: Partial<NotificationListParams>) => router.push(hrefOf({ ...params, ...next, page: 1 }));
  return (
    <search aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor={kindId}>{t("filters.kind")}</Label>
        <NativeSelect
          id={kindId}
          className="w-56"
          value={params.kind ?? ""}
          onChange={(event) =>
            go({ kind: (event.target.value || undefined) as NotificationListParams["kind"] | undefined })
          }
          data-testid="filter-kind"
        >
          <option value="">{t("filters.allKinds")}</option>
          {NOTIFICATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kindName.${kind}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={statusId}>{t("filters.status")}</Label>
        <NativeSelect
          id={statusId}
          className="w-44"
          value={params.status ?? ""}
          onChange={(event) =>
            go({ status: (event.target.value || undefined) as NotificationListParams["status"] | undefined })
          }
          data-testid="filter-status"
        >
          <option value="">{t("filters.allStatuses")}</option>
          {NOTIFICATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`filters.${status}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </search>
  );
}

function NotificationEntry({
  item,
  pending,
  onMarkRead,
}: {
  item: NotificationItem;
  pending: boolean;
  onMarkRead: () => void;
}) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const locale = useLocale();
  const formatInstant = (iso: string) => format.dateTime(new Date(iso), "dateTime");
  const values = notificationValues(item.params, locale, formatInstant);
  const title = t(`kind.${item.kind}.title`, values);
  return (
    <li
      data-testid="notification"
      data-kind={item.kind}
      data-read={item.read}
      className={cn("grid gap-1 px-5 py-4", !item.read && "bg-primary/5")}
    >
      <div className="flex flex-wrap items-center gap-2">
        {!item.read && <Badge>{t("unread")}</Badge>}
        <h2 className="font-medium">{title}</h2>
      </div>
      <p className="text-sm text-muted-foreground">{t(`kind.${item.kind}.body`, values)}</p>
      <div className="flex flex-wrap items-center gap-3 text-xs text-muted-foreground">
        <time dateTime={item.createdAt}>{formatInstant(item.createdAt)}</time>
        {item.certificateId && (
          <RowLink href={`/certificates/${item.certificateId}`} className="font-medium text-primary hover:underline">
            {t("viewCertificate")}
          </RowLink>
        )}
        {!item.read && (
          <Button
            variant="link"
            size="sm"
            className="h-auto p-0 text-xs"
            disabled={pending}
            onClick={onMarkRead}
            aria-label={t("markReadLabel", { title })}
            data-testid="mark-read"
          >
            {t("markRead")}
          </Button>
        )}
      </div>
    </li>
  );
}
