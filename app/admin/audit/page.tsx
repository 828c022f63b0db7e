import type { Metadata } from "next";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { AuditJson } from "@/components/admin/audit-json";
import { FilterField, FilterForm } from "@/components/admin/filter-form";
import { PageHeader } from "@/components/console/page-header";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { RowLink } from "@/components/ui/row-link";
import { auditListQueryString, parseAuditListParams } from "@/lib/admin/audit-list-params";
import { type AuditEntryRow, listAuditEntries } from "@/lib/admin/list-audit-entries";
import { requireAdminPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

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

export default async function AuditPage({ searchParams }: Props) {
  const [user, t, format, timeZone, query, today] = await Promise.all([
    requireAdminPage(),
    getTranslations("admin.audit"),
    getFormatter(),
    getTimeZone(),
    searchParams,
    now(),
  ]);
  const params = parseAuditListParams(query);
  const list = await listAuditEntries(user, params, { now: today, timeZone });
  const filtered = Boolean(params.action || params.actor || params.target || params.from || params.to);
  const actionLabel = (action: string) => {
    const key = `actions.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : action;
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4">
        <FilterForm action="/admin/audit" filtered={filtered} label={t("filters.label")}>
          <FilterField label={t("filters.action")} htmlFor="audit-action">
            <NativeSelect id="audit-action" name="action" defaultValue={params.action ?? ""} className="w-48">
              <option value="">{t("filters.anyAction")}</option>
              {list.actions.map((action) => (
                <option key={action} value={action}>
                  {actionLabel(action)}
                </option>
              ))}
            </NativeSelect>
          </FilterField>
          <FilterField label={t("filters.actor")} htmlFor="audit-actor">
            <Input
              id="audit-actor"
              name="actor"
              type="search"
              defaultValue={params.actor ?? ""}
              placeholder={t("filters.actorPlaceholder")}
              className="w-48"
              maxLength={200}
            />
          </FilterField>
          <FilterField label={t("filters.target")} htmlFor="audit-target">
            <Input
              id="audit-target"
              name="target"
              type="search"
              defaultValue={params.target ?? ""}
              placeholder={t("filters.targetPlaceholder")}
              className="w-48"
              maxLength={200}
              data-testid="audit-target"
            />
          </FilterField>
          <FilterField label={t("filters.from")} htmlFor="audit-from">
            <Input id="audit-from" name="from" type="date" defaultValue={params.from ?? ""} className="w-36" />
          </FilterField>
          <FilterField label={t("filters.to")} htmlFor="audit-to">
            <Input id="audit-to" name="to" type="date" defaultValue={params.to ?? ""} className="w-36" />
          </FilterField>
        </FilterForm>
        <p className="text-xs text-muted-foreground">{t("filters.zone", { zone: timeZone })}</p>

        {list.items.length === 0 ? (
          <Card>
            <p className="px-6 py-12 text-center text-sm text-muted-foreground" data-testid="audit-empty">
              {filtered ? t("noMatch") : t("empty")}
            </p>
          </Card>
        ) : (
          <ol className="grid gap-3" data-testid="audit-list">
            {list.items.map((entry) => {
              const href = targetHref(entry);
              return (
                <li key={entry.id} data-testid="audit-row" data-action={entry.action}>
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
                </li>
              );
            })}
          </ol>
        )}
        <PaginationLinks
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          hrefFor={(page) => `/admin/audit?${auditListQueryString({ ...params, page })}`}
        />
        <p className="text-xs text-muted-foreground">{t("appendOnly")}</p>
      </div>
    </>
  );
}
