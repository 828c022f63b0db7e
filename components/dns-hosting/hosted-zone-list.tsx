import { CheckCircle2Icon, CircleDashedIcon, Clock3Icon, TriangleAlertIcon } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { DomainRowActions } from "@/components/dns-hosting/domain-row-actions";
import { Badge } from "@/components/ui/badge";
import type { HostedZoneView } from "@/lib/dns-hosting/dns-hosting-views";

const STATUS_BADGE = {
  DELEGATED: { variant: "success", Icon: CheckCircle2Icon },
  PARTIAL: { variant: "warning", Icon: TriangleAlertIcon },
  NOT_DELEGATED: { variant: "warning", Icon: Clock3Icon },
  UNCHECKED: { variant: "secondary", Icon: CircleDashedIcon },
} as const;

/** The owner's hosted domains: whether the registrar points at our name servers yet, and the actions. */
export async function HostedZoneList({ zones }: { zones: HostedZoneView[] }) {
  const [t, format] = await Promise.all([getTranslations("dnsHosting"), getFormatter()]);
  if (zones.length === 0) {
    return <p className="py-6 text-center text-sm text-muted-foreground">{t("zones.empty")}</p>;
  }
  const statusText = {
    UNCHECKED: t("zones.status.UNCHECKED"),
    DELEGATED: t("zones.status.DELEGATED"),
    PARTIAL: t("zones.status.PARTIAL"),
    NOT_DELEGATED: t("zones.status.NOT_DELEGATED"),
  };
  return (
    <ul className="divide-y rounded-md border" aria-label={t("zones.listLabel")}>
      {zones.map((zone) => {
        const badge = STATUS_BADGE[zone.delegationStatus];
        return (
          <li key={zone.id} className="grid gap-2 p-4" data-testid="hosted-zone" data-zone={zone.name}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <span className="font-medium break-all">{zone.name}</span>
                {zone.removing ? (
                  <Badge variant="secondary" data-testid="zone-status">
                    {t("zones.status.removing")}
                  </Badge>
                ) : (
                  <Badge variant={badge.variant} data-testid="zone-status">
                    <badge.Icon aria-hidden />
                    {statusText[zone.delegationStatus]}
                  </Badge>
                )}
              </div>
              {!zone.removing && (
                <DomainRowActions kind="zone" id={zone.id} name={zone.name} describeStatus={statusText} />
              )}
            </div>
            <div className="grid gap-1 text-sm text-muted-foreground">
              {zone.delegationCheckedAt && zone.delegationStatus !== "UNCHECKED" && (
                <p data-testid="zone-seen">
                  {zone.seenNameservers.length > 0
                    ? t("zones.seen", { nameservers: zone.seenNameservers.join(", ") })
                    : t("zones.seenNone")}
                </p>
              )}
              {zone.delegationStatus === "PARTIAL" && <p>{t("zones.partialHint")}</p>}
              {zone.delegatedAt && (
                <p>{t("zones.delegatedSince", { date: format.dateTime(new Date(zone.delegatedAt), "dateTime") })}</p>
              )}
              {zone.delegationCheckFailure && (
                <p className="text-warning-foreground">{t("checkFailed", { reason: zone.delegationCheckFailure })}</p>
              )}
              <p className="text-xs">
                {zone.delegationCheckedAt
                  ? t("lastChecked", { date: format.dateTime(new Date(zone.delegationCheckedAt), "dateTime") })
                  : t("neverChecked")}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
