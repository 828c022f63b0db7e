"use client";

import { useTranslations } from "next-intl";
import { useDateTimeFormat } from "@/components/i18n/use-date-time-format";
import { EXPIRING_SOON_DAYS } from "@/lib/renewal/auto-renew-rules";
import { cn } from "@/lib/utils";

/** Expiry in the viewer's zone, and the days left: amber at 30 or fewer, red once expired. */
export function ExpiryCell({
  expiresAt,
  daysRemaining,
  expired,
}: {
  expiresAt: string | null;
  daysRemaining: number | null;
  expired: boolean;
}) {
  const t = useTranslations("certificates");
  const dateTime = useDateTimeFormat("dateTime");
  const dateZone = useDateTimeFormat("dateZone");
  if (!expiresAt || daysRemaining === null) return <span className="text-muted-foreground">{t("noExpiry")}</span>;
  const soon = !expired && daysRemaining <= EXPIRING_SOON_DAYS;
  return (
    <div className="grid gap-0.5">
      <time dateTime={expiresAt} className="whitespace-nowrap" title={dateTime.format(new Date(expiresAt))}>
        {dateZone.format(new Date(expiresAt))}
      </time>
      <span
        data-testid="days-remaining"
        data-tone={expired ? "expired" : soon ? "soon" : "ok"}
        className={cn(
          "text-xs",
          expired ? "font-medium text-destructive" : soon ? "font-medium text-warning" : "text-muted-foreground",
        )}
      >
        {/* daysRemaining rounds down, so 2.5 days past expiry is -3: 2 whole days ago. */}
        {expired ? t("expiredAgo", { days: Math.max(0, -daysRemaining - 1) }) : t("daysLeft", { days: daysRemaining })}
      </span>
    </div>
  );
}
