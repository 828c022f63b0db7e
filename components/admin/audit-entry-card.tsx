import { useFormatter, useTranslations } from "next-intl";
import { AuditJson } from "@/components/admin/audit-json";
import { useAuditActionLabel } from "@/components/admin/use-audit-action-label";
import { Card } from "@/components/ui/card";
import { RowLink } from "@/components/ui/row-link";
import type { AuditEntryRow } from "@/lib/admin/list-audit-entries";

/** Where an entry's target can be looked at in the dashboard. */
function targetHref(entry: AuditEntryRow): string | null {
  if (!entry.targetId) return null;
  switch (entry.targetType) {
    case "User":
      return `/admin/customers/${entry.targetId}`;
    case "Certificate":
      return `/admin/certificates/${entry.targetId}`;
    case "JobRun":
      return "/admin/jobs";
    case "Price":
      return "/admin/prices";
    case "ClockSetting":
      return "/admin/clock";
    default:
      return null;
  }
}

/** One audit entry: what was done, when, by whom, to what, from where, and the values before and after. */
export function AuditEntryCard({ entry }: { entry: AuditEntryRow }) {
  const t = useTranslations("admin.audit");
  const format = useFormatter();
  const actionLabel = useAuditActionLabel();
  const href = targetHref(entry);
  return (
    <Card className="grid gap-3 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-medium">{actionLabel(entry.action)}</span>
          <code className="font-mono text-xs text-muted-foreground">{entry.action}</code>
        </p>
        <time dateTime={entry.createdAt} className="text-sm text-muted-foreground">
          {format.dateTime(new Date(entry.createdAt), "dateTime")}
        </time>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div className="min-w-0">
          <dt className="text-xs text-muted-foreground">{t("columns.actor")}</dt>
          <dd className="truncate">
            {entry.actor ? (
              <RowLink href={`/admin/customers/${entry.actor.id}`} className="hover:underline">
                {entry.actor.email}
              </RowLink>
            ) : (
              <span className="text-muted-foreground">{t("system")}</span>
            )}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-muted-foreground">{t("columns.target")}</dt>
          <dd className="flex min-w-0 flex-wrap items-baseline gap-x-2">
            <span>{entry.targetType}</span>
            {entry.targetId &&
              (href ? (
                <RowLink href={href} className="truncate font-mono text-xs text-primary hover:underline">
                  {entry.targetId}
                </RowLink>
              ) : (
                <span className="truncate font-mono text-xs">{entry.targetId}</span>
              ))}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs text-muted-foreground">{t("columns.ip")}</dt>
          <dd className="truncate font-mono text-xs leading-5">{entry.ip ?? "—"}</dd>
        </div>
      </dl>
      {(entry.before !== null || entry.after !== null) && (
        <div className="grid gap-3 md:grid-cols-2">
          <div className="grid min-w-0 content-start gap-1" data-testid="audit-before">
            <p className="text-xs text-muted-foreground">{t("columns.before")}</p>
            <AuditJson value={entry.before} />
          </div>
          <div className="grid min-w-0 content-start gap-1" data-testid="audit-after">
            <p className="text-xs text-muted-foreground">{t("columns.after")}</p>
            <AuditJson value={entry.after} />
          </div>
        </div>
      )}
    </Card>
  );
}
