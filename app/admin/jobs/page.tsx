import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JobRunHistory } from "@/components/admin/job-run-history";
import { RunNowPanel } from "@/components/admin/run-now-panel";
import { PageHeader } from "@/components/console/page-header";
import { getActiveAdminJobRun } from "@/lib/admin/get-admin-job-run";
import { parseJobRunListParams } from "@/lib/admin/job-run-list-params";
import { listAdminJobRuns } from "@/lib/admin/list-admin-job-runs";
import { requireAdminPage } from "@/lib/auth/session";
import { now, systemNow } from "@/lib/clock";
import { adminKeys } from "@/lib/queries/admin";
import { getQueryClient } from "@/lib/queries/query-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JobsPage({ searchParams }: Props) {
  const [user, t, query, today] = await Promise.all([requireAdminPage(), getTranslations("jobs"), searchParams, now()]);
  const params = parseJobRunListParams(query);
  const queryClient = getQueryClient();
  const [activeRun] = await Promise.all([
    getActiveAdminJobRun(user, systemNow()),
    queryClient.prefetchQuery({
      queryKey: adminKeys.jobRunList(params),
      queryFn: () => listAdminJobRuns(user, params, today),
    }),
  ]);
  if (activeRun) queryClient.setQueryData(adminKeys.jobRun(activeRun.id), activeRun);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="grid gap-6">
          <RunNowPanel activeRun={activeRun} />
          <JobRunHistory />
        </div>
      </HydrationBoundary>
    </>
  );
}
