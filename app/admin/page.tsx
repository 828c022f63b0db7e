import type { Metadata } from "next";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { AtRiskAccountsCard } from "@/components/admin/at-risk-accounts-card";
import { AutoRenewOverviewCard } from "@/components/admin/auto-renew-overview-card";
import { CertificateStatusCard } from "@/components/admin/certificate-status-card";
import { DueFeesCard } from "@/components/admin/due-fees-card";
import { OverviewStatCards } from "@/components/admin/overview-stat-cards";
import { RecentJobRunsCard } from "@/components/admin/recent-job-runs-card";
import { PageHeader } from "@/components/console/page-header";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { requireAdminPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function AdminOverviewPage() {
  const [user, t, timeZone, format, today] = await Promise.all([
    requireAdminPage(),
    getTranslations("admin.overview"),
    getTimeZone(),
    getFormatter(),
    now(),
  ]);
  const overview = await getAdminOverview(user, { now: today, timeZone });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { time: format.dateTime(new Date(overview.now), "dateTime") })}
      />
      <div className="grid gap-6">
        <OverviewStatCards overview={overview} />
        <div className="grid gap-6 lg:grid-cols-5">
          <CertificateStatusCard byStatus={overview.certificates.byStatus} />
          <AutoRenewOverviewCard autoRenew={overview.autoRenew} terminatedByReason={overview.terminatedByReason} />
        </div>
        <DueFeesCard
          due={overview.due}
          dueByDay={overview.dueByDay}
          windowDays={overview.windowDays}
          timeZone={overview.timeZone}
        />
        <AtRiskAccountsCard atRisk={overview.atRisk} due={overview.due} windowDays={overview.windowDays} />
        <RecentJobRunsCard runs={overview.recentRuns} />
      </div>
    </>
  );
}
