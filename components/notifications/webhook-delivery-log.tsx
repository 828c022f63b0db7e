import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { WebhookDeliveryPage } from "@/lib/notifications/list-webhook-deliveries";
import { notificationValues } from "@/lib/notifications/notification-values";
import { webhookOrigin } from "@/lib/notifications/webhook-url";

// Outline, not "success", for delivered: the green badge is below 4.5:1 contrast in light mode.
const STATUS_VARIANT: Record<DeliveryStatus, "default" | "destructive" | "secondary" | "outline"> = {
  SENT: "outline",
  FAILED: "destructive",
  PENDING: "default",
  SKIPPED: "secondary",
};

/** The account's webhook deliveries: status, attempts, last response and the next retry. */
export function WebhookDeliveryLog({ deliveries }: { deliveries: WebhookDeliveryPage }) {
  const t = useTranslations("notifications.settings.deliveries");
  const tn = useTranslations("notifications");
  const format = useFormatter();
  const locale = useLocale();
  const formatInstant = (iso: string) => format.dateTime(new Date(iso), "dateTime");
  return (
    <Card data-testid="webhook-deliveries">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {deliveries.items.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="webhook-deliveries-empty">
            {t("empty")}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columns.notice")}</TableHead>
                  <TableHead>{t("columns.status")}</TableHead>
                  <TableHead className="text-right">{t("columns.attempts")}</TableHead>
                  <TableHead>{t("columns.response")}</TableHead>
                  <TableHead>{t("columns.nextRetry")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {deliveries.items.map((delivery) => (
                  <TableRow key={delivery.id} data-testid="webhook-delivery" data-status={delivery.status}>
                    <TableCell>
                      <div className="font-medium">
                        {tn(
                          `kind.${delivery.kind}.title`,
                          notificationValues({ domain: delivery.domain ?? "" }, locale, formatInstant),
                        )}
                      </div>
                      <div className="text-xs text-muted-foreground">
                        <time dateTime={delivery.createdAt}>{formatInstant(delivery.createdAt)}</time>
                        {" · "}
                        <span className="break-all">{webhookOrigin(delivery.url)}</span>
                      </div>
                    </TableCell>
                    <TableCell>
                      <Badge variant={STATUS_VARIANT[delivery.status]}>{t(`status.${delivery.status}`)}</Badge>
                      {delivery.deliveredAt && (
                        <div className="mt-1 text-xs text-muted-foreground">
                          {t("deliveredAt", { at: formatInstant(delivery.deliveredAt) })}
                        </div>
                      )}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{delivery.attempts}</TableCell>
                    <TableCell className="text-sm">
                      {delivery.responseStatus !== null ? (
                        <span className="font-mono">HTTP {delivery.responseStatus}</span>
                      ) : delivery.attempts > 0 ? (
                        t("noResponse")
                      ) : (
                        t("none")
                      )}
                      {delivery.lastError && delivery.status !== "SENT" && (
                        <div className="max-w-64 text-xs break-words text-muted-foreground">{delivery.lastError}</div>
                      )}
                    </TableCell>
                    <TableCell className="text-sm">
                      {delivery.nextAttemptAt ? (
                        <time dateTime={delivery.nextAttemptAt}>{formatInstant(delivery.nextAttemptAt)}</time>
                      ) : (
                        t("none")
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <PaginationLinks
          page={deliveries.page}
          pageSize={deliveries.pageSize}
          total={deliveries.total}
          hrefFor={(page) => `/notifications/settings?page=${page}`}
        />
      </CardContent>
    </Card>
  );
}
