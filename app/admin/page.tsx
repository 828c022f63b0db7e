import { AlertTriangleIcon, ArrowRightIcon, RefreshCwIcon, ShieldCheckIcon, WalletIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { AutoRenewChart, DueChart, StatusChart } from "@/components/admin/overview-charts";
import { RecentJobRuns } from "@/components/admin/recent-job-runs";
import { StatCard } from "@/components/admin/stat-card";
import { PageHeader } from "@/components/console/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { requireAdminPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatMoney } from "@/lib/money";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function AdminOverviewPage() {
  const [user, t, tc, timeZone, locale, format, today] = await Promise.all([
    requireAdminPage(),
    getTranslations("admin.overview"),
    getTranslations("certificates"),
    getTimeZone(),
    getLocale(),
    getFormatter(),
    now(),
  ]);
  const overview = await getAdminOverview(user, { now: today, timeZone });
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const dueTotal = overview.due.map((row) => money(row.dueMinor, row.currency)).join(" · ") || money(0, "USD");
  const dueCount = overview.due.reduce((sum, row) => sum + row.certificateCount, 0);
  const dueAccounts = overview.due.reduce((sum, row) => sum + row.accountCount, 0);
  const atRiskCount = overview.due.reduce((sum, row) => sum + row.atRiskCount, 0);
  const missing = overview.due
    .filter((row) => row.missingMinor > 0)
    .map((row) => money(row.missingMinor, row.currency))
    .join(" · ");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { time: format.dateTime(new Date(overview.now), "dateTime") })}
      />
      <div className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <StatCard
            icon={ShieldCheckIcon}
            label={t("stats.certificates")}
            value={overview.certificates.total}
            hint={t("stats.customers", { count: overview.customers.total, disabled: overview.customers.disabled })}
            testId="stat-certificates"
          />
          <StatCard
            icon={RefreshCwIcon}
            label={t("stats.autoRenewOn")}
            value={overview.autoRenew.ON}
            hint={t("stats.terminated", { count: overview.autoRenew.TERMINATED })}
            testId="stat-auto-renew"
          />
          <StatCard
            icon={WalletIcon}
            label={t("stats.due", { days: overview.windowDays })}
            value={dueTotal}
            hint={t("stats.dueHint", { count: dueCount, accounts: dueAccounts })}
            testId="stat-due"
          />
          <StatCard
            icon={AlertTriangleIcon}
            label={t("stats.atRisk")}
            value={atRiskCount}
            hint={atRiskCount > 0 ? t("stats.atRiskHint", { missing }) : t("stats.noneAtRisk")}
            tone={atRiskCount > 0 ? "destructive" : "success"}
            testId="stat-at-risk"
          />
        </div>

        <div className="grid gap-6 lg:grid-cols-5">
          <Card className="min-w-0 lg:col-span-3">
            <CardHeader>
              <CardTitle>{t("status.title")}</CardTitle>
              <CardDescription>{t("status.description")}</CardDescription>
            </CardHeader>
            <CardContent>
              <StatusChart byStatus={overview.certificates.byStatus} />
              <table className="sr-only">
                <caption>{t("status.title")}</caption>
                <tbody>
                  {overview.certificates.byStatus.map((row) => (
                    <tr key={row.status}>
                      <th scope="row">{tc(`status.${row.status}`)}</th>
                      <td>{row.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </CardContent>
          </Card>
          <Card className="min-w-0 lg:col-span-2">
            <CardHeader>
              <CardTitle>{t("autoRenew.title")}</CardTitle>
              <CardDescription>{t("autoRenew.description")}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <AutoRenewChart autoRenew={overview.autoRenew} />
              {overview.terminatedByReason.length > 0 && (
                <div className="grid gap-1.5 text-sm">
                  <p className="font-medium">{t("autoRenew.terminatedWhy")}</p>
                  <ul className="grid gap-1">
                    {overview.terminatedByReason.map((row) => (
                      <li key={row.reason ?? "none"} className="flex justify-between gap-3 text-muted-foreground">
                        <span>{row.reason ? tc(`endReason.${row.reason}`) : t("autoRenew.noReason")}</span>
                        <span className="font-medium text-foreground tabular-nums">{row.count}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </CardContent>
          </Card>
        </div>

        <Card className="min-w-0" data-testid="due-card">
          <CardHeader>
            <CardTitle>{t("due.title", { days: overview.windowDays })}</CardTitle>
            <CardDescription>{t("due.description")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            {overview.due.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("due.none")}</p>
            ) : (
              <>
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead scope="col">{t("due.columns.currency")}</TableHead>
                      <AmountHeads
                        labels={["renewals", "fees", "balances", "shortfall"].map((key) => t(`due.columns.${key}`))}
                      />
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {overview.due.map((row) => (
                      <TableRow key={row.currency} data-testid="due-totals">
                        <TableHead scope="row" className="font-medium text-foreground">
                          {row.currency}
                        </TableHead>
                        <TableCell className="text-right tabular-nums">
                          {t("due.renewalsIn", { count: row.certificateCount, accounts: row.accountCount })}
                        </TableCell>
                        <TableCell className="text-right font-medium tabular-nums">
                          {money(row.dueMinor, row.currency)}
                        </TableCell>
                        <TableCell className="text-right tabular-nums">
                          {money(row.balanceMinor, row.currency)}
                        </TableCell>
                        <TableCell
                          className={
                            row.missingMinor > 0
                              ? "text-right font-medium text-destructive tabular-nums"
                              : "text-right tabular-nums"
                          }
                        >
                          {row.missingMinor > 0 ? money(row.missingMinor, row.currency) : "—"}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {overview.dueByDay && (
                  <figure className="grid gap-2">
                    <DueChart currency={overview.dueByDay.currency} days={overview.dueByDay.days} />
                    <figcaption className="text-xs text-muted-foreground">
                      {t("due.chartCaption", { zone: timeZone })}
                    </figcaption>
                  </figure>
                )}
              </>
            )}
          </CardContent>
        </Card>

        <Card className="min-w-0" data-testid="at-risk-card">
          <CardHeader>
            <CardTitle>{t("atRisk.title")}</CardTitle>
            <CardDescription>{t("atRisk.description", { days: overview.windowDays })}</CardDescription>
          </CardHeader>
          <CardContent>
            {overview.atRisk.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("atRisk.none")}</p>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead scope="col">{t("atRisk.columns.customer")}</TableHead>
                    <AmountHeads
                      labels={["renewals", "due", "balance", "shortfall"].map((key) => t(`atRisk.columns.${key}`))}
                    />
                    <TableHead scope="col">{t("atRisk.columns.firstDeduction")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {overview.atRisk.map((row) => (
                    <TableRow key={`${row.customerId}:${row.currency}`} data-testid="at-risk-row">
                      <TableCell>
                        <Link href={`/admin/customers/${row.customerId}`} className="font-medium hover:underline">
                          {row.email}
                        </Link>
                        <div className="text-xs text-muted-foreground">{row.name}</div>
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{row.certificateCount}</TableCell>
                      <TableCell className="text-right tabular-nums">{money(row.dueMinor, row.currency)}</TableCell>
                      <TableCell className="text-right tabular-nums">{money(row.balanceMinor, row.currency)}</TableCell>
                      <TableCell className="text-right font-medium text-destructive tabular-nums">
                        {money(row.missingMinor, row.currency)}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {format.dateTime(new Date(row.firstDeductAt), "dateTime")}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {atRiskCount > overview.atRisk.length && (
              <p className="mt-3 text-xs text-muted-foreground">
                {t("atRisk.more", { shown: overview.atRisk.length, total: atRiskCount })}
              </p>
            )}
          </CardContent>
        </Card>

        <Card className="min-w-0">
          <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
            <div className="grid gap-1.5">
              <CardTitle>{t("runs.title")}</CardTitle>
              <CardDescription>{t("runs.description")}</CardDescription>
            </div>
            <Button variant="outline" size="sm" asChild>
              <Link href="/admin/jobs">
                {t("runs.all")}
                <ArrowRightIcon aria-hidden />
              </Link>
            </Button>
          </CardHeader>
          <CardContent>
            <RecentJobRuns runs={overview.recentRuns} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}

/** Column headers over right-aligned figures. */
function AmountHeads({ labels }: { labels: string[] }) {
  return labels.map((label) => (
    <TableHead key={label} scope="col" className="text-right">
      {label}
    </TableHead>
  ));
}
