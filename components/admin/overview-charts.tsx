"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, Pie, PieChart, Tooltip, XAxis, YAxis } from "recharts";
import {
  CHART_CURSOR,
  CHART_TICK,
  chartRootProps,
  dateAxisProps,
  moneyAxisProps,
} from "@/components/charts/chart-axes";
import { ChartLegend } from "@/components/charts/chart-legend";
import { useDayLabel } from "@/components/charts/use-day-label";
import type { AdminOverview, DueDay } from "@/lib/admin/get-admin-overview";
import { formatMoney, minorDigits } from "@/lib/money";

const STATUS_COLOR: Record<string, string> = {
  ISSUED: "var(--color-success)",
  EXPIRED: "var(--color-destructive)",
  PENDING_VALIDATION: "var(--color-warning)",
  DNS_RECORD_ADDED: "var(--color-warning)",
  VALIDATION_FAILED: "var(--color-destructive)",
  CANCELED: "var(--color-muted-foreground)",
  REVOKED: "var(--color-muted-foreground)",
  REFUNDED: "var(--color-muted-foreground)",
  PENDING_LETTER_UPLOAD: "var(--color-warning)",
  ORGANIZATION_REVIEW: "var(--color-warning)",
  ORGANIZATION_REJECTED: "var(--color-destructive)",
};

function ChartTooltip({ title, rows }: { title: string; rows: { label: string; value: string; color?: string }[] }) {
  return (
    <div className="grid gap-1 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="font-medium">{title}</p>
      {rows.map((row) => (
        <p key={row.label} className="flex items-center justify-between gap-4">
          <span className="flex items-center gap-1.5 text-muted-foreground">
            {row.color && <span className="size-2 rounded-sm" style={{ background: row.color }} />}
            {row.label}
          </span>
          <span className="font-medium tabular-nums">{row.value}</span>
        </p>
      ))}
    </div>
  );
}

/** Certificates by status: a bar per status (the list beside it says the same in words). */
export function StatusChart({ byStatus }: { byStatus: AdminOverview["certificates"]["byStatus"] }) {
  const t = useTranslations("certificates.status");
  const rows = byStatus.map((row) => ({ ...row, label: t(row.status) }));
  const height = Math.max(160, rows.length * 30);
  return (
    <div aria-hidden data-testid="status-chart" style={{ height }}>
      <BarChart layout="vertical" data={rows} {...chartRootProps(height, { top: 0, right: 16, bottom: 0, left: 0 })}>
        <CartesianGrid horizontal={false} stroke="var(--color-border)" />
        <XAxis type="number" allowDecimals={false} tick={CHART_TICK} tickLine={false} axisLine={false} />
        <YAxis type="category" dataKey="label" width={128} tick={CHART_TICK} tickLine={false} axisLine={false} />
        <Tooltip
          cursor={CHART_CURSOR}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as (typeof rows)[number] | undefined;
            return active && row ? (
              <ChartTooltip title={row.label} rows={[{ label: "", value: String(row.count) }]} />
            ) : null;
          }}
        />
        <Bar dataKey="count" radius={[0, 4, 4, 0]} maxBarSize={18} isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.status} fill={STATUS_COLOR[row.status]} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}

/** Auto-renewal on / off / terminated, as a ring. */
export function AutoRenewChart({ autoRenew }: { autoRenew: AdminOverview["autoRenew"] }) {
  const t = useTranslations("certificates.autoRenewState");
  const rows = [
    { state: "ON", value: autoRenew.ON, color: "var(--color-primary)" },
    { state: "OFF", value: autoRenew.OFF, color: "var(--color-muted-foreground)" },
    { state: "TERMINATED", value: autoRenew.TERMINATED, color: "var(--color-destructive)" },
  ] as const;
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  return (
    <div className="flex flex-wrap items-center gap-6">
      <div aria-hidden data-testid="auto-renew-chart" className="size-36 shrink-0">
        <PieChart responsive style={{ width: 144, height: 144 }} accessibilityLayer={false}>
          <Pie
            data={total > 0 ? [...rows] : [{ state: "NONE", value: 1, color: "var(--color-muted)" }]}
            dataKey="value"
            nameKey="state"
            innerRadius={44}
            outerRadius={68}
            stroke="var(--color-card)"
            strokeWidth={2}
            isAnimationActive={false}
            // The ring is decoration (aria-hidden; the list beside it has the numbers): no tab stop inside it.
            rootTabIndex={-1}
          >
            {(total > 0 ? rows : [{ state: "NONE", color: "var(--color-muted)" }]).map((row) => (
              <Cell key={row.state} fill={row.color} />
            ))}
          </Pie>
        </PieChart>
      </div>
      <ul className="grid gap-2 text-sm">
        {rows.map((row) => (
          <li key={row.state} className="flex items-center gap-2" data-testid={`auto-renew-${row.state}`}>
            <span className="size-2.5 rounded-sm" style={{ background: row.color }} aria-hidden />
            <span className="text-muted-foreground">{t(row.state)}</span>
            <span className="font-medium tabular-nums">{row.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Fees due each day of the next 30, split by whether the balance will cover each (planRenewalFees). */
export function DueChart({ currency, days }: { currency: string; days: DueDay[] }) {
  const t = useTranslations("admin.overview.due");
  const locale = useLocale();
  const dayLabel = useDayLabel({ weekday: "short" });
  const scale = 10 ** minorDigits(currency);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const rows = days.map((day) => ({ ...day, covered: day.coveredMinor / scale, atRisk: day.atRiskMinor / scale }));
  return (
    <div className="grid gap-2">
      <ChartLegend
        items={[
          { label: t("legendCovered"), swatchClassName: "size-2.5 rounded-sm bg-primary" },
          { label: t("legendAtRisk"), swatchClassName: "size-2.5 rounded-sm bg-destructive" },
        ]}
      />
      <div aria-hidden data-testid="due-chart" style={{ height: 220 }}>
        <BarChart data={rows} {...chartRootProps(220, { top: 8, right: 8, bottom: 0, left: 0 })}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis {...dateAxisProps(dayLabel)} />
          <YAxis {...moneyAxisProps(locale, currency)} />
          <Tooltip
            cursor={CHART_CURSOR}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof rows)[number] | undefined;
              return active && row ? (
                <ChartTooltip
                  title={`${dayLabel(row.date, true)} · ${t("renewals", { count: row.count })}`}
                  rows={[
                    { label: t("legendCovered"), value: money(row.coveredMinor), color: "var(--color-primary)" },
                    { label: t("legendAtRisk"), value: money(row.atRiskMinor), color: "var(--color-destructive)" },
                  ]}
                />
              ) : null;
            }}
          />
          <Bar dataKey="covered" stackId="fees" fill="var(--color-primary)" maxBarSize={14} isAnimationActive={false} />
          <Bar
            dataKey="atRisk"
            stackId="fees"
            fill="var(--color-destructive)"
            maxBarSize={14}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </div>
    </div>
  );
}
