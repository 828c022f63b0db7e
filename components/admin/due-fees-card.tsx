import { useTranslations } from "next-intl";
import { DueTotalsTable } from "@/components/admin/due-totals-table";
import { DueChart } from "@/components/admin/overview-charts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdminOverview } from "@/lib/admin/get-admin-overview";

/** The fees due in the window by currency against the balances that must cover them, and per day (in `timeZone`). */
export function DueFeesCard({
  due,
  dueByDay,
  windowDays,
  timeZone,
}: Pick<AdminOverview, "due" | "dueByDay" | "windowDays" | "timeZone">) {
  const t = useTranslations("admin.overview.due");
  return (
    <Card className="min-w-0" data-testid="due-card">
      <CardHeader>
        <CardTitle>{t("title", { days: windowDays })}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {due.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <>
            <DueTotalsTable due={due} />
            {dueByDay && (
              <figure className="grid gap-2">
                <DueChart currency={dueByDay.currency} days={dueByDay.days} />
                <figcaption className="text-xs text-muted-foreground">
                  {t("chartCaption", { zone: timeZone })}
                </figcaption>
              </figure>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
