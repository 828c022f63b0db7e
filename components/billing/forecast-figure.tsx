"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, type TooltipContentProps, XAxis, YAxis } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { CHART_CURSOR, chartRootProps, dateAxisProps, moneyAxisProps } from "@/components/charts/chart-axes";
import { ChartLegend } from "@/components/charts/chart-legend";
import { useDayLabel } from "@/components/charts/use-day-label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BalanceForecast, ForecastDay } from "@/lib/billing/forecast-balance";
import { formatMoney, minorDigits } from "@/lib/money";
import { cn } from "@/lib/utils";

type ChartRow = { date: string; balance: number; deducted: number; uncovered: number };

// A day can carry hundreds of fees on a large account: the forecast names five of each
// day's (FEES_NAMED_PER_DAY), the tooltip shows them and the table three, each counting
// the rest (Upcoming deductions lists every one).
const DOMAINS_PER_TABLE_ROW = 3;

/** The forecast chart and its table, loaded after first paint (balance-forecast-chart.tsx). */
export function ForecastFigure({ forecast, height }: { forecast: BalanceForecast; height: number }) {
  const t = useTranslations("billing.forecast");
  const locale = useLocale();
  const dayLabel = useDayLabel({ year: "numeric", weekday: "short" });
  const scale = 10 ** minorDigits(forecast.currency);
  const money = (amountMinor: number) => formatMoney(amountMinor, forecast.currency, locale);
  const rows: ChartRow[] = forecast.days.map((day) => ({
    date: day.date,
    balance: day.balanceMinor / scale,
    deducted: day.coveredMinor / scale,
    uncovered: day.uncoveredMinor / scale,
  }));
  const byDate = new Map(forecast.days.map((day) => [day.date, day]));
  const feeDays = forecast.days.filter((day) => day.coveredMinor > 0 || day.uncoveredMinor > 0);
  const endBalance = forecast.days.at(-1)?.balanceMinor ?? forecast.balanceMinor;

  return (
    <figure className="grid gap-3" aria-labelledby="forecast-summary" data-testid="balance-forecast">
      <ChartLegend
        items={[
          { label: t("legendBalance"), swatchClassName: "h-0.5 w-4 rounded bg-primary" },
          { label: t("legendCovered"), swatchClassName: "size-2.5 rounded-sm bg-muted-foreground/60" },
          { label: t("legendUncovered"), swatchClassName: "size-2.5 rounded-sm bg-destructive" },
        ]}
      />
      {/* The chart is a picture of the table below, which assistive technology reads instead. */}
      <div aria-hidden data-testid="balance-forecast-chart" style={{ height: height }}>
        <ComposedChart data={rows} {...chartRootProps(height, { top: 8, right: 12, bottom: 0, left: 0 })}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis {...dateAxisProps(dayLabel)} interval="preserveStartEnd" />
          <YAxis {...moneyAxisProps(locale, forecast.currency)} />
          <Tooltip
            cursor={CHART_CURSOR}
            content={(props) => (
              <ForecastTooltip {...props} byDate={byDate} money={money} dayLabel={dayLabel} scale={scale} />
            )}
          />
          <Bar
            dataKey="deducted"
            stackId="fees"
            fill="var(--color-muted-foreground)"
            fillOpacity={0.6}
            maxBarSize={10}
          />
          <Bar dataKey="uncovered" stackId="fees" fill="var(--color-destructive)" maxBarSize={10} />
          <Line
            dataKey="balance"
            type="stepAfter"
            stroke="var(--color-primary)"
            strokeWidth={2}
            dot={false}
            activeDot={{ r: 4, fill: "var(--color-primary)", stroke: "var(--color-card)" }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </div>
      <figcaption id="forecast-summary" className="text-sm text-muted-foreground" data-testid="forecast-summary">
        {t("summary", {
          balance: money(forecast.balanceMinor),
          count: forecast.deductions.total,
          uncovered: forecast.uncoveredCount,
          end: money(endBalance),
        })}
      </figcaption>
      {feeDays.length > 0 && (
        <details className="min-w-0 rounded-md border text-sm">
          <summary className="cursor-pointer select-none px-3 py-2 font-medium hover:bg-muted/40">
            {t("showTable")}
          </summary>
          <Table>
            <caption className="px-3 py-2 text-left text-xs text-muted-foreground">
              {t("tableCaption", { zone: forecast.timeZone })}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col" className="whitespace-normal">
                  {t("columns.date")}
                </TableHead>
                <TableHead scope="col" className="whitespace-normal">
                  {t("columns.certificates")}
                </TableHead>
                <TableHead scope="col" className="text-right whitespace-normal">
                  {t("columns.deducted")}
                </TableHead>
                <TableHead scope="col" className="text-right whitespace-normal">
                  {t("columns.uncovered")}
                </TableHead>
                <TableHead scope="col" className="text-right whitespace-normal">
                  {t("columns.balance")}
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {feeDays.map((day) => (
                <TableRow key={day.date}>
                  <TableHead scope="row" className="font-normal text-foreground">
                    {dayLabel(day.date, true)}
                  </TableHead>
                  <TableCell>
                    <DayDomains day={day} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {day.coveredMinor > 0 ? money(day.coveredMinor) : "—"}
                  </TableCell>
                  <TableCell
                    className={cn("text-right tabular-nums", day.uncoveredMinor > 0 && "font-medium text-destructive")}
                  >
                    {day.uncoveredMinor > 0 ? money(day.uncoveredMinor) : "—"}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{money(day.balanceMinor)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </details>
      )}
    </figure>
  );
}

function ForecastTooltip({
  active,
  payload,
  byDate,
  money,
  dayLabel,
  scale,
}: TooltipContentProps<ValueType, NameType> & {
  byDate: Map<string, ForecastDay>;
  money: (amountMinor: number) => string;
  dayLabel: (date: string, long?: boolean) => string;
  scale: number;
}) {
  const t = useTranslations("billing.forecast");
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const day = byDate.get(row.date);
  const fees = day?.namedFees ?? [];
  return (
    <div className="grid max-w-64 gap-1.5 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="font-medium">{dayLabel(row.date, true)}</p>
      <p className="flex justify-between gap-4">
        <span className="text-muted-foreground">{t("tooltipBalance")}</span>
        <span className="font-medium tabular-nums">{money(Math.round(row.balance * scale))}</span>
      </p>
      {fees.map((deduction) => (
        <p key={deduction.certificateId} className="flex justify-between gap-4">
          <span className={cn("truncate", !deduction.covered && "text-destructive")}>{deduction.domain}</span>
          <span className={cn("tabular-nums", !deduction.covered && "font-medium text-destructive")}>
            {deduction.covered ? "−" : ""}
            {money(deduction.feeMinor)}
            {deduction.covered ? "" : ` · ${t("tooltipUncovered")}`}
          </span>
        </p>
      ))}
      {day && day.feeCount > fees.length && (
        <p className="text-muted-foreground">{t("tooltipMore", { count: day.feeCount - fees.length })}</p>
      )}
    </div>
  );
}

function DayDomains({ day }: { day: ForecastDay }) {
  const t = useTranslations("billing.forecast");
  const named = day.namedFees.slice(0, DOMAINS_PER_TABLE_ROW);
  const shown = named.map((fee) => fee.domain).join(", ");
  return day.feeCount > named.length ? t("moreDomains", { shown, count: day.feeCount - named.length }) : shown;
}
