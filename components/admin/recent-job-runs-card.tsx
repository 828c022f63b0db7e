import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { RecentJobRuns } from "@/components/admin/recent-job-runs";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdminJobRun } from "@/lib/admin/list-admin-job-runs";

/** The last renewal job runs, with a link to the whole history. */
export function RecentJobRunsCard({ runs }: { runs: AdminJobRun[] }) {
  const t = useTranslations("admin.overview.runs");
  return (
    <Card className="min-w-0">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </div>
        <Button variant="outline" size="sm" asChild>
          <Link href="/admin/jobs">
            {t("all")}
            <ArrowRightIcon aria-hidden />
          </Link>
        </Button>
      </CardHeader>
      <CardContent>
        <RecentJobRuns runs={runs} />
      </CardContent>
    </Card>
  );
}
