import { useTranslations } from "next-intl";
import { AutoRenewChart } from "@/components/admin/overview-charts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdminOverview } from "@/lib/admin/get-admin-overview";

/** Certificates by auto-renewal state, and why terminated ones ended. */
export function AutoRenewOverviewCard({
  autoRenew,
  terminatedByReason,
}: Pick<AdminOverview, "autoRenew" | "terminatedByReason">) {
  const t = useTranslations("admin.overview.autoRenew");
  const tc = useTranslations("certificates.endReason");
  return (
    <Card className="min-w-0 lg:col-span-2">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <AutoRenewChart autoRenew={autoRenew} />
        {terminatedByReason.length > 0 && (
          <div className="grid gap-1.5 text-sm">
            <p className="font-medium">{t("terminatedWhy")}</p>
            <ul className="grid gap-1">
              {terminatedByReason.map((row) => (
                <li key={row.reason ?? "none"} className="flex justify-between gap-3 text-muted-foreground">
                  <span>{row.reason ? tc(row.reason) : t("noReason")}</span>
                  <span className="font-medium text-foreground tabular-nums">{row.count}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
