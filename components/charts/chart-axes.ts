// Props the console's recharts figures share, so their axes, cursor and frame look alike.
// Spread into recharts' own elements (<XAxis {...dateAxisProps(dayLabel)} />) rather than
// wrapped in components of ours: each chart still reads as recharts documents it.

export const CHART_TICK = { fill: "var(--color-muted-foreground)", fontSize: 12 };

/** The band behind the hovered bar. */
export const CHART_CURSOR = { fill: "var(--color-muted)", opacity: 0.6 };

/** The chart element itself: as wide as its box, `height` tall, out of the accessibility tree. */
export function chartRootProps(height: number, margin: { top: number; right: number; bottom: number; left: number }) {
  return { responsive: true, style: { width: "100%", height }, margin, accessibilityLayer: false } as const;
}

/** A horizontal axis of calendar days ("2026-06-15"), labelled by `dayLabel`. */
export function dateAxisProps(dayLabel: (date: string) => string) {
  return {
    dataKey: "date",
    tickFormatter: (date: string) => dayLabel(date),
    tick: CHART_TICK,
    tickLine: false,
    axisLine: { stroke: "var(--color-border)" },
    minTickGap: 24,
  } as const;
}

/** A vertical axis of amounts in major units, written short ("$1.2K") in `locale`. */
export function moneyAxisProps(locale: string, currency: string) {
  const axisMoney = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  });
  return {
    tickFormatter: (value: number) => axisMoney.format(value),
    tick: CHART_TICK,
    tickLine: false,
    axisLine: false,
    width: 56,
    allowDecimals: false,
  } as const;
}
