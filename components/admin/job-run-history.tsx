"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { JobRunTable } from "@/components/admin/job-run-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { jobRunListQueryString, readJobRunListQuery } from "@/lib/admin/job-run-list-query";
import { jobRunListQuery } from "@/lib/queries/admin";
import { cn } from "@/lib/utils";

/** Every run, newest first, page by page (the page is in the URL). */
export function JobRunHistory() {
  const t = useTranslations("jobs.history");
  const tp = useTranslations("common.pagination");
  const router = useRouter();
  const searchParams = useSearchParams();
  const params = readJobRunListQuery(new URLSearchParams(searchParams));
  const list = useQuery(jobRunListQuery(params));
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const go = (page: number) => {
    const query = jobRunListQueryString({ ...params, page });
    router.replace(query ? `/admin/jobs?${query}` : "/admin/jobs", { scroll: false });
  };

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {!data ? (
          list.isError ? (
            <p className="text-sm text-destructive">{t("loadError")}</p>
          ) : (
            <Skeleton className="h-40" />
          )
        ) : (
          <div className={cn("min-w-0", list.isPlaceholderData && "opacity-60")}>
            <JobRunTable runs={data.items} />
          </div>
        )}
        {data && data.total > data.pageSize && (
          <nav
            className="flex flex-wrap items-center justify-between gap-3 text-sm"
            aria-label={tp("page", { page: data.page, pages })}
          >
            <p className="text-muted-foreground" data-testid="pagination-summary">
              {tp("summary", {
                from: (data.page - 1) * data.pageSize + 1,
                to: Math.min(data.total, data.page * data.pageSize),
                total: data.total,
              })}
            </p>
            <div className="flex items-center gap-2">
              <Button variant="outline" size="sm" disabled={data.page <= 1} onClick={() => go(data.page - 1)}>
                {tp("previous")}
              </Button>
              <span className="tabular-nums">{tp("page", { page: data.page, pages })}</span>
              <Button variant="outline" size="sm" disabled={data.page >= pages} onClick={() => go(data.page + 1)}>
                {tp("next")}
              </Button>
            </div>
          </nav>
        )}
      </CardContent>
    </Card>
  );
}
