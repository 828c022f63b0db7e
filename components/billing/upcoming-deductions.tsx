"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon, CheckCircle2Icon } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { QueryError } from "@/components/billing/query-error";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RowLink } from "@/components/ui/row-link";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TablePagination } from "@/components/ui/table-pagination";
import type { ForecastDeduction } from "@/lib/billing/forecast-balance";
import {
  FIRST_UPCOMING_PAGE,
  UPCOMING_PAGE_SIZES,
  type UpcomingPageParams,
} from "@/lib/billing/upcoming-deductions-page";
import { formatMoney } from "@/lib/money";
import { forecastQuery } from "@/lib/queries/billing";
import { cn } from "@/lib/utils";

/**
 * The renewal fees due in the next 90 days, in the order the job takes them, and which
 * the balance covers; a page at a time (the page is the viewer's, not the URL's).
 */
export function UpcomingDeductions() {
  const t = useTranslations("billing.upcoming");
  const [paging, setPaging] = useState<UpcomingPageParams>(FIRST_UPCOMING_PAGE);
  const forecast = useQuery(forecastQuery(paging));
  const data = forecast.data;

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {!data ? (
          forecast.isError ? (
            <QueryError message={t("error")} onRetry={() => void forecast.refetch()} retrying={forecast.isFetching} />
          ) : (
            <div className="grid gap-2">
              {["a", "b", "c"].map((row) => (
                <Skeleton key={row} className="h-9 w-full" />
              ))}
            </div>
          )
        ) : data.deductions.total === 0 ? (
          <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
            {t("empty")}
          </p>
        ) : (
          <>
            {/* The page on screen stays, dimmed, while the next one loads. */}
            <div
              className={cn("grid gap-3 transition-opacity", forecast.isPlaceholderData && "opacity-60")}
              aria-busy={forecast.isPlaceholderData}
            >
              <DeductionsTable deductions={data.deductions.items} currency={data.currency} />
              <DeductionsList deductions={data.deductions.items} currency={data.currency} />
            </div>
            {data.uncoveredCount > 0 && <p className="text-xs text-muted-foreground">{t("notCoveredHint")}</p>}
            {data.deductions.total > UPCOMING_PAGE_SIZES[0] && (
              <TablePagination
                name={t("pagination")}
                page={data.deductions.page}
                pageSize={data.deductions.pageSize}
                total={data.deductions.total}
                pageSizes={UPCOMING_PAGE_SIZES}
                selectedPageSize={paging.pageSize}
                onChange={(next) => setPaging((current) => ({ ...current, ...next }))}
              />
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}

type DeductionsProps = { deductions: ForecastDeduction[]; currency: string };

function DeductionTime({ deduction }: { deduction: ForecastDeduction }) {
  const t = useTranslations("billing.upcoming");
  const format = useFormatter();
  return (
    <>
      <time dateTime={deduction.deductAt} className="whitespace-nowrap">
        {format.dateTime(new Date(deduction.deductAt), {
          year: "numeric",
          month: "short",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          timeZoneName: "short",
        })}
      </time>
      {deduction.overdue && <span className="block text-xs text-muted-foreground">{t("nextRun")}</span>}
    </>
  );
}

function CertificateLink({ deduction }: { deduction: ForecastDeduction }) {
  return (
    <RowLink
      href={`/certificates/${deduction.certificateId}`}
      className="font-medium break-all text-primary hover:underline"
    >
      {deduction.domain}
    </RowLink>
  );
}

function CoverageBadge({ covered }: { covered: boolean }) {
  const t = useTranslations("billing.upcoming");
  return covered ? (
    // The success badge's green on green is below 4.5:1 in the light theme: outline, green icon.
    <Badge variant="outline">
      <CheckCircle2Icon className="text-success" aria-hidden />
      {t("covered")}
    </Badge>
  ) : (
    <Badge variant="destructive">
      <AlertTriangleIcon aria-hidden />
      {t("notCovered")}
    </Badge>
  );
}

/** From the small breakpoint up. */
function DeductionsTable({ deductions, currency }: DeductionsProps) {
  const t = useTranslations("billing.upcoming");
  const locale = useLocale();
  return (
    <div className="hidden min-w-0 rounded-md border sm:block">
      <Table data-testid="upcoming-deductions">
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("columns.deductAt")}</TableHead>
            <TableHead scope="col">{t("columns.certificate")}</TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.fee")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.balanceAfter")}
            </TableHead>
            <TableHead scope="col">{t("columns.status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {deductions.map((deduction) => (
            <TableRow key={deduction.certificateId} data-covered={deduction.covered}>
              <TableCell>
                <DeductionTime deduction={deduction} />
              </TableCell>
              <TableCell className="max-w-72">
                <CertificateLink deduction={deduction} />
              </TableCell>
              <TableCell
                className={cn("text-right tabular-nums", !deduction.covered && "font-medium text-destructive")}
              >
                {formatMoney(deduction.feeMinor, deduction.currency, locale)}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatMoney(deduction.balanceAfterMinor, currency, locale)}
              </TableCell>
              <TableCell>
                <CoverageBadge covered={deduction.covered} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Phones: one block per fee instead of a table too wide to read. */
function DeductionsList({ deductions, currency }: DeductionsProps) {
  const t = useTranslations("billing.upcoming");
  const locale = useLocale();
  return (
    <ul className="grid divide-y rounded-md border sm:hidden" data-testid="upcoming-deductions-list">
      {deductions.map((deduction) => (
        <li key={deduction.certificateId} className="grid gap-1.5 p-3 text-sm" data-covered={deduction.covered}>
          <div className="flex items-start justify-between gap-3">
            <CertificateLink deduction={deduction} />
            <span
              className={cn("font-medium whitespace-nowrap tabular-nums", !deduction.covered && "text-destructive")}
            >
              {formatMoney(deduction.feeMinor, deduction.currency, locale)}
            </span>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 text-muted-foreground">
            <span>
              <DeductionTime deduction={deduction} />
            </span>
            <CoverageBadge covered={deduction.covered} />
          </div>
          <p className="text-xs text-muted-foreground">
            {t("balanceAfterValue", { amount: formatMoney(deduction.balanceAfterMinor, currency, locale) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
