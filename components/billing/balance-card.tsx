"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon, CheckCircle2Icon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { QueryError } from "@/components/billing/query-error";
import { type PaymentProviderOption, TopUpDialog, type TopUpRequest } from "@/components/billing/top-up-dialog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { FIRST_UPCOMING_PAGE } from "@/lib/billing/upcoming-deductions-page";
import { formatMoney } from "@/lib/money";
import { balanceQuery } from "@/lib/queries/account";
import { forecastQuery } from "@/lib/queries/billing";

/** The balance in large print, whether it covers the next 90 days of renewal fees, and the Top up button. */
export function BalanceCard({
  providers,
  topUpRequest,
}: {
  providers: PaymentProviderOption[];
  topUpRequest?: TopUpRequest;
}) {
  const t = useTranslations("billing");
  const locale = useLocale();
  const balance = useQuery(balanceQuery);
  const forecast = useQuery(forecastQuery(FIRST_UPCOMING_PAGE));
  const money = (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale);

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{t("balance.title")}</CardTitle>
        {balance.data && (
          <CardDescription>{t("balance.currency", { currency: balance.data.currency })}</CardDescription>
        )}
      </CardHeader>
      <CardContent className="grid gap-4">
        {balance.isError && !balance.data ? (
          <QueryError
            message={t("balance.error")}
            onRetry={() => void balance.refetch()}
            retrying={balance.isFetching}
          />
        ) : balance.data ? (
          <p
            className="text-4xl font-semibold tracking-tight tabular-nums"
            data-testid="billing-balance"
            data-balance-minor={balance.data.balanceMinor}
          >
            {money(balance.data.balanceMinor, balance.data.currency)}
          </p>
        ) : (
          <Skeleton className="h-10 w-40" />
        )}

        <TopUpDialog
          providers={providers}
          currency={balance.data?.currency}
          triggerClassName="w-full sm:w-fit"
          request={topUpRequest}
        />

        {forecast.data && (
          <div className="grid gap-1.5 border-t pt-4 text-sm">
            {forecast.data.totalFeesMinor > 0 && (
              <p className="text-muted-foreground">
                {t("balance.upcomingTotal", { total: money(forecast.data.totalFeesMinor, forecast.data.currency) })}
              </p>
            )}
            {forecast.data.uncoveredCount > 0 ? (
              <p className="flex gap-2 text-destructive" data-testid="balance-shortfall">
                <AlertTriangleIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
                {t("balance.shortfall", {
                  count: forecast.data.uncoveredCount,
                  amount: money(forecast.data.uncoveredMinor, forecast.data.currency),
                })}
              </p>
            ) : (
              <p className="flex gap-2 text-muted-foreground">
                <CheckCircle2Icon className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
                {forecast.data.totalFeesMinor > 0 ? t("balance.allCovered") : t("balance.nothingDue")}
              </p>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
