"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon, FileSearchIcon, ShieldCheckIcon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useOptimistic, useState, useTransition } from "react";
import { AutoRenewDialog } from "@/components/certificates/auto-renew-dialog";
import { AutoRenewBadge } from "@/components/certificates/certificate-badges";
import { CertificateFilters } from "@/components/certificates/certificate-filters";
import {
  BrandTypeCell,
  CertificateListLoadError,
  StatusExpiryCells,
  TableSkeleton,
} from "@/components/certificates/certificate-table-parts";
import { OrderEntryLinks } from "@/components/orders/order-entry-links";
import { CertificateRowActions } from "@/components/resources/certificate-row-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DeferredTooltip } from "@/components/ui/deferred-tooltip";
import { RowLink } from "@/components/ui/row-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TablePagination } from "@/components/ui/table-pagination";
import {
  type CertificateListParams,
  certificateListQueryString,
  PAGE_SIZES,
  readCertificateListQuery,
} from "@/lib/certificates/certificate-list-query";
import type { CertificateRow } from "@/lib/certificates/list-certificates";
import { balanceWarningQuery } from "@/lib/queries/account";
import { type CertificateListSeek, certificateListQuery } from "@/lib/queries/certificate-list";
import { cn } from "@/lib/utils";

export function CertificateTable() {
  const t = useTranslations("certificates");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => readCertificateListQuery(new URLSearchParams(searchParams)), [searchParams]);
  // Previous and next are read from the row next to the page on screen (keyset pages, cheap
  // however deep): the cursor is for the URL the bar asked for and no other.
  const [seek, setSeek] = useState<(CertificateListSeek & { query: string }) | null>(null);
  const list = useQuery(
    certificateListQuery(params, seek?.query === certificateListQueryString(params) ? seek : undefined),
  );
  const warning = useQuery(balanceWarningQuery);
  const atRisk = useMemo(
    () => new Set(warning.data?.atRisk.map((deduction) => deduction.certificateId) ?? []),
    [warning.data],
  );

  // Controls show the new choice at once, while the URL (the source of truth) catches up.
  const [shownParams, showParams] = useOptimistic(params);
  const [, startTransition] = useTransition();
  const update = useCallback(
    (next: Partial<CertificateListParams>) => {
      const merged = { ...params, ...next };
      const query = certificateListQueryString(merged);
      startTransition(() => {
        showParams(merged);
        router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
      });
    },
    [params, pathname, router, showParams],
  );

  const data = list.data;
  const turnPage = useCallback(
    (next: { page: number; pageSize?: CertificateListParams["pageSize"] }) => {
      const query = certificateListQueryString({ ...params, ...next });
      let cursor: CertificateListSeek | null = null;
      if (data && next.pageSize === undefined && next.page === data.page + 1) cursor = { after: data.lastCursor };
      if (data && next.pageSize === undefined && next.page === data.page - 1) cursor = { before: data.firstCursor };
      if (!cursor) {
        update(next);
        return;
      }
      setSeek({ query, ...cursor });
      // Previous and next change only the table, which reads its page from the data route:
      // the URL changes without rendering the page on the server again (which would read
      // the page by offset as well).
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [data, params, pathname, update],
  );
  const filtered = Boolean(params.q || params.status || params.brand || params.autoRenew || params.expiring);

  return (
    <div className="grid gap-4">
      <CertificateFilters params={shownParams} brands={data?.brands ?? []} onChange={update} />
      <Card className="overflow-hidden" aria-busy={list.isFetching}>
        {list.isError && !data ? (
          <CertificateListLoadError onRetry={() => list.refetch()} />
        ) : !data ? (
          <TableSkeleton />
        ) : data.items.length === 0 ? (
          <EmptyState filtered={filtered} />
        ) : (
          <Table data-testid="certificate-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.certificate")}</TableHead>
                <TableHead>{t("columns.domain")}</TableHead>
                <TableHead>{t("columns.brandType")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead>{t("columns.expiry")}</TableHead>
                <TableHead>{t("columns.autoRenew")}</TableHead>
                <TableHead className="text-right">{t("columns.resources")}</TableHead>
                <TableHead
                  className={cn(
                    "text-right",
                    STICKY_ACTIONS,
                    "lg:bg-[color-mix(in_oklab,var(--color-muted)_60%,var(--color-card))]",
                  )}
                >
                  {t("columns.actions")}
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody className={cn(list.isPlaceholderData && "opacity-60")}>
              {data.items.map((row) => (
                <CertificateTableRow key={row.id} row={row} atRisk={atRisk.has(row.id)} />
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      {data && data.total > 0 && (
        <TablePagination
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          pageSizes={PAGE_SIZES}
          selectedPageSize={params.pageSize}
          onChange={turnPage}
        />
      )}
    </div>
  );
}

// On a desktop the actions stay in view while the wide table scrolls sideways under them,
// as in cloud consoles; a phone's screen is too narrow to pin a column.
const STICKY_ACTIONS = "lg:sticky lg:right-0 lg:z-10 lg:shadow-[-8px_0_8px_-8px_rgb(0_0_0/0.18)]";

function CertificateTableRow({ row, atRisk }: { row: CertificateRow; atRisk: boolean }) {
  const t = useTranslations("certificates");
  const label = row.alias ? `${row.domain} (${row.alias})` : row.domain;
  return (
    <TableRow
      data-testid="certificate-row"
      data-certificate-id={row.id}
      data-at-risk={atRisk || undefined}
      className={cn("group/row", atRisk && "bg-warning-bg/40 shadow-[inset_3px_0_0_var(--color-warning)]")}
    >
      <TableCell>
        <RowLink
          href={`/certificates/${row.id}`}
          className="font-mono text-xs font-medium text-primary hover:underline"
        >
          {row.id}
        </RowLink>
        <div className="max-w-48 truncate text-xs text-muted-foreground">{row.alias ?? t("noAlias")}</div>
      </TableCell>
      <TableCell>
        <div className="flex flex-wrap items-center gap-1.5">
          <RowLink href={`/certificates/${row.id}`} className="max-w-52 truncate font-medium hover:underline">
            {row.domain}
          </RowLink>
          {row.sansCount > 0 && <Badge variant="outline">{t("moreSans", { count: row.sansCount })}</Badge>}
        </div>
      </TableCell>
      <BrandTypeCell row={row} />
      <StatusExpiryCells row={row} />
      <TableCell>
        <div className="flex items-center gap-1.5">
          <AutoRenewBadge state={row.autoRenewState} reason={row.autoRenewEndReason} />
          {atRisk && (
            <DeferredTooltip content={t("atRisk")}>
              <button
                type="button"
                className="inline-flex rounded-sm text-warning focus-visible:outline-2 focus-visible:outline-ring"
                data-testid="at-risk"
                aria-label={t("atRisk")}
              >
                <AlertTriangleIcon className="size-4" aria-hidden />
              </button>
            </DeferredTooltip>
          )}
        </div>
        {row.renewalId && (
          <RowLink href={`/certificates/${row.renewalId}`} className="mt-1 block text-xs text-primary hover:underline">
            {t("viewRenewal")}
          </RowLink>
        )}
      </TableCell>
      <TableCell className="text-right tabular-nums">{row.resourceCount}</TableCell>
      <TableCell
        className={cn(
          "text-right",
          STICKY_ACTIONS,
          "lg:bg-card lg:group-hover/row:bg-[color-mix(in_oklab,var(--color-muted)_40%,var(--color-card))]",
          "lg:group-data-[at-risk]/row:bg-[color-mix(in_oklab,var(--color-warning-bg)_40%,var(--color-card))]",
        )}
      >
        <div className="flex items-center justify-end gap-1">
          {/* Uploaded certificates too: the dialog says why they cannot be enrolled. */}
          <AutoRenewDialog certificateId={row.id} domain={row.domain}>
            <Button
              variant="link"
              size="sm"
              className="px-1"
              aria-label={`${row.autoRenewState === "ON" ? t("manageAutoRenew") : t("activate")}: ${label}`}
            >
              {row.autoRenewState === "ON" ? t("manageAutoRenew") : t("activate")}
            </Button>
          </AutoRenewDialog>
          <CertificateRowActions row={row} />
        </div>
      </TableCell>
    </TableRow>
  );
}

function EmptyState({ filtered }: { filtered: boolean }) {
  const t = useTranslations("certificates");
  const Icon = filtered ? FileSearchIcon : ShieldCheckIcon;
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-16 text-center" data-testid="certificates-empty">
      <Icon className="size-10 text-muted-foreground" aria-hidden />
      <h2 className="font-medium">{filtered ? t("noMatch.title") : t("empty.title")}</h2>
      <p className="max-w-sm text-sm text-muted-foreground">
        {filtered ? t("noMatch.description") : t("empty.description")}
      </p>
      {!filtered && (
        <div className="mt-2 flex flex-wrap justify-center gap-2">
          <OrderEntryLinks />
        </div>
      )}
    </div>
  );
}
