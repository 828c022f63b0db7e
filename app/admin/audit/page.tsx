import type { Metadata } from "next";
import { getTimeZone, getTranslations } from "next-intl/server";
import { AuditEntryList } from "@/components/admin/audit-entry-list";
import { AuditFilters } from "@/components/admin/audit-filters";
import { PageHeader } from "@/components/console/page-header";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { auditListQueryString, parseAuditListParams } from "@/lib/admin/audit-list-params";
import { listAuditEntries } from "@/lib/admin/list-audit-entries";
import { requireAdminPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const [user, t, timeZone, query, today] = await Promise.all([
    requireAdminPage(),
    getTranslations("admin.audit"),
    getTimeZone(),
    searchParams,
    now(),
  ]);
  const params = parseAuditListParams(query);
  const list = await listAuditEntries(user, params, { now: today, timeZone });
  const filtered = Boolean(params.action || params.actor || params.target || params.from || params.to);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4">
        <AuditFilters params={params} actions={list.actions} filtered={filtered} timeZone={timeZone} />
        <AuditEntryList entries={list.items} filtered={filtered} />
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
