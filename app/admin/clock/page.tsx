import { ClockIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DemoClockForm } from "@/components/admin/demo-clock-form";
import { PageHeader } from "@/components/console/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDemoClock } from "@/lib/admin/get-demo-clock";
import { requireAdminPage } from "@/lib/auth/session";
import { systemNow } from "@/lib/clock";
import { getConfig } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.clock");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

/** The offset in whole days and hours, to the nearest hour ("-3 d 4 h" is behind real time). */
function offsetParts(offsetMs: number): { days: number; hours: number } {
  const hours = Math.round(Math.abs(offsetMs) / 3_600_000);
  const sign = offsetMs < 0 ? -1 : 1;
  return { days: sign * Math.floor(hours / 24), hours: hours % 24 };
}

export default async function DemoClockPage() {
  if (!getConfig().demoMode) notFound();
  const [user, t, format] = await Promise.all([requireAdminPage(), getTranslations("admin.clock"), getFormatter()]);
  const clock = await getDemoClock(user, { realNow: systemNow() });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card data-testid="clock-status">
          <CardHeader>
            <CardTitle>{t("status.title")}</CardTitle>
            <CardDescription>{t("status.description")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <div className="flex flex-wrap items-center gap-3">
              <ClockIcon className="size-5 text-muted-foreground" aria-hidden />
              <span className="text-xl font-semibold tabular-nums" data-testid="clock-now">
                {format.dateTime(new Date(clock.now), "dateTime")}
              </span>
              {clock.simulated ? (
                <Badge variant="warning" data-testid="clock-mode">
                  {t("status.simulated")}
                </Badge>
              ) : (
                <Badge variant="secondary" data-testid="clock-mode">
                  {t("status.real")}
                </Badge>
              )}
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted-foreground">{t("status.realTime")}</dt>
              <dd>{format.dateTime(new Date(clock.realNow), "dateTime")}</dd>
              <dt className="text-muted-foreground">{t("status.offset")}</dt>
              <dd className="tabular-nums">
                {clock.simulated ? t("status.offsetValue", offsetParts(clock.offsetMs)) : t("status.noOffset")}
              </dd>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("form.title")}</CardTitle>
            <CardDescription>{t("form.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <DemoClockForm clock={clock} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{t("api.title")}</CardTitle>
            <CardDescription>{t("api.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <pre className="rounded-md bg-muted/60 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">
              {`PUT /api/admin/clock\ncontent-type: application/json\n\n{"now": "${clock.now}"}\n\nPUT /api/admin/clock  {"now": null}\nDELETE /api/admin/clock`}
            </pre>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
