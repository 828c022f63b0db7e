"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { lazy, Suspense } from "react";
import { QueryError } from "@/components/billing/query-error";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { FIRST_UPCOMING_PAGE } from "@/lib/billing/upcoming-deductions-page";
import { forecastQuery } from "@/lib/queries/billing";

// The chart library (recharts with d3) is most of Billing's JavaScript: it loads after
// first paint, behind the same skeleton the card shows while the forecast is fetched.
const ForecastFigure = lazy(() =>
  import("@/components/billing/forecast-figure").then((module) => ({ default: module.ForecastFigure })),
);

const CHART_HEIGHT = 260;

export function BalanceForecastChart() {
  const t = useTranslations("billing.forecast");
  const forecast = useQuery(forecastQuery(FIRST_UPCOMING_PAGE));
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        {forecast.data ? (
          <Suspense fallback={<Skeleton className="w-full" style={{ height: CHART_HEIGHT }} />}>
            <ForecastFigure forecast={forecast.data} height={CHART_HEIGHT} />
          </Suspense>
        ) : forecast.isError ? (
          <QueryError message={t("error")} onRetry={() => void forecast.refetch()} retrying={forecast.isFetching} />
        ) : (
          <Skeleton className="w-full" style={{ height: CHART_HEIGHT }} />
        )}
      </CardContent>
    </Card>
  );
}
