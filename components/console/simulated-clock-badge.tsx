import { ClockIcon } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { getClockOffsetMs, systemNow } from "@/lib/clock";

/**
 * "Simulated time: <time, zone>" in the header of every page while the demo clock is
 * shifted (DEMO_MODE only: the offset is 0 otherwise, and nothing is shown).
 */
export async function SimulatedClockBadge() {
  const offsetMs = await getClockOffsetMs();
  if (offsetMs === 0) return null;
  const [t, format] = await Promise.all([getTranslations("demo"), getFormatter()]);
  const simulated = new Date(systemNow().getTime() + offsetMs);
  const time = format.dateTime(simulated, "dateTime");
  return (
    <Badge variant="warning" data-testid="simulated-clock-badge" title={t("simulatedTime", { time })}>
      <ClockIcon aria-hidden />
      <span className="sr-only sm:not-sr-only">{t("simulatedTime", { time })}</span>
      {/* Phones: the day only, so the header still fits; the full time is in the title and read out. */}
      <span aria-hidden className="sm:hidden">
        {format.dateTime(simulated, { month: "short", day: "numeric" })}
      </span>
    </Badge>
  );
}
