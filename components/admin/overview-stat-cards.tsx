import { AlertTriangleIcon, RefreshCwIcon, ShieldCheckIcon, WalletIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { StatCard } from "@/components/admin/stat-card";
import type { AdminOverview } from "@/lib/admin/get-admin-overview";
import { sumDueTotals } from "@/lib/admin/sum-due-totals";
import { formatMoney } from "@/lib/money";

/** The four headline numbers: certificates, auto-renewal on, fees due in the window, accounts at risk. */
export function OverviewStatCards({ overview }: { overview: AdminOverview }) {
  const t = useTranslations("admin.overview.stats");
  const locale = useLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const totals = sumDueTotals(overview.due);
  const dueTotal = overview.due.map((row) => money(row.dueMinor, row.currency)).join(" · ") || money(0, "USD");
  const missing = overview.due
    .filter((row) => row.missingMinor > 0)
    .map((row) => money(row.missingMinor, row.currency))
    .join(" · ");
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        icon={ShieldCheckIcon}
        label={t("certificates")}
        value={overview.certificates.total}
        hint={t("customers", { count: overview.customers.total, disabled: overview.customers.disabled })}
        testId="stat-certificates"
      />
      <StatCard
        icon={RefreshCwIcon}
        label={t("autoRenewOn")}
        value={overview.autoRenew.ON}
        hint={t("terminated", { count: overview.autoRenew.TERMINATED })}
        testId="stat-auto-renew"
      />
      <StatCard
        icon={WalletIcon}
        label={t("due", { days: overview.windowDays })}
        value={dueTotal}
        hint={t("dueHint", { count: totals.certificateCount, accounts: totals.accountCount })}
        testId="stat-due"
      />
      <StatCard
        icon={AlertTriangleIcon}
        label={t("atRisk")}
        value={totals.atRiskCount}
        hint={totals.atRiskCount > 0 ? t("atRiskHint", { missing }) : t("noneAtRisk")}
        tone={totals.atRiskCount > 0 ? "destructive" : "success"}
        testId="stat-at-risk"
      />
    </div>
  );
}
