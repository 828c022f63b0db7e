"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon, ChevronLeftIcon, ChevronRightIcon, FileSearchIcon, ShieldCheckIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useOptimistic, useTransition } from "react";
import { AutoRenewDialog } from "@/components/certificates/auto-renew-dialog";
import { AutoRenewBadge, StatusBadge } from "@/components/certificates/certificate-badges";
import { CertificateFilters } from "@/components/certificates/certificate-filters";
import { ExpiryCell } from "@/components/certificates/expiry-cell";
import { CertificateRowActions } from "@/components/resources/certificate-row-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DeferredTooltip } from "@/components/ui/deferred-tooltip";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  type CertificateListParams,
  certificateListQueryString,
  PAGE_SIZES,
  readCertificateListQuery,
} from "@/lib/certificates/certificate-list-query";
import type { CertificateRow } from "@/lib/certificates/list-certificates";
import { balanceWarningQuery } from "@/lib/queries/account";
import { certificateListQuery } from "@/lib/queries/certificate-list";
import { cn } from "@/lib/utils";

export function CertificateTable() {
  const t = useTranslations("certificates");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => readCertificateListQuery(new URLSearchParams(searchParams)), [searchParams]);
  const list = useQuery(certificateListQuery(params));
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
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = Boolean(params.q || params.status || params.brand || params.autoRenew || params.expiring);

  return (
    <div className="grid gap-4">
      <CertificateFilters params={shownParams} brands={data?.brands ?? []} onChange={update} />
      <Card className="overflow-hidden" aria-busy={list.isFetching}>
        {list.isError && !data ? (
          <div className="p-6">
            <Alert variant="destructive">
              <AlertTriangleIcon aria-hidden />
              <AlertDescription className="flex flex-wrap items-center gap-3">
                {t("loadError")}
                <Button size="sm" variant="outline" onClick={() => list.refetch()}>
                  {t("retry")}
                </Button>
              </AlertDescription>
            </Alert>
          </div>
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
        <nav
          className="flex flex-wrap items-center justify-between gap-3 text-sm"
          aria-label={t("pagination.page", { page: data.page, pages })}
        >
          <p className="text-muted-foreground" data-testid="pagination-summary">
            {t("pagination.summary", {
              from: (data.page - 1) * data.pageSize + 1,
              to: Math.min(data.total, data.page * data.pageSize),
              total: data.total,
            })}
          </p>
          <div className="flex items-center gap-2">
            <NativeSelect
              aria-label={t("pagination.pageSize")}
              value={String(params.pageSize)}
              onChange={(event) =>
                update({ pageSize: Number(event.target.value) as CertificateListParams["pageSize"], page: 1 })
              }
              className="w-20"
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </NativeSelect>
            <Button
              variant="outline"
              size="icon"
              aria-label={t("pagination.previous")}
              disabled={data.page <= 1}
              onClick={() => update({ page: data.page - 1 })}
            >
              <ChevronLeftIcon aria-hidden />
            </Button>
            <span className="tabular-nums">{t("pagination.page", { page: data.page, pages })}</span>
            <Button
              variant="outline"
              size="icon"
              aria-label={t("pagination.next")}
              disabled={data.page >= pages}
              onClick={() => update({ page: data.page + 1 })}
            >
              <ChevronRightIcon aria-hidden />
            </Button>
          </div>
        </nav>
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
        <Link href={`/certificates/${row.id}`} className="font-mono text-xs font-medium text-primary hover:underline">
          {row.id}
        </Link>
        <div className="max-w-48 truncate text-xs text-muted-foreground">{row.alias ?? t("noAlias")}</div>
      </TableCell>
      <TableCell>
        <div className="flex flex-wrap items-center gap-1.5">
          <Link href={`/certificates/${row.id}`} className="max-w-52 truncate font-medium hover:underline">
            {row.domain}
          </Link>
          {row.sansCount > 0 && <Badge variant="outline">{t("moreSans", { count: row.sansCount })}</Badge>}
        </div>
      </TableCell>
      <TableCell className="whitespace-nowrap">
        <div>{row.brand}</div>
        <div className="text-xs text-muted-foreground">
          {row.certificateType} · {t(`domainType.${row.domainType}`)}
          {row.source !== "PURCHASED" && ` · ${t(`source.${row.source}`)}`}
        </div>
      </TableCell>
      <TableCell>
        <StatusBadge status={row.status} />
      </TableCell>
      <TableCell>
        <ExpiryCell expiresAt={row.expiresAt} daysRemaining={row.daysRemaining} expired={row.status === "EXPIRED"} />
      </TableCell>
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
          <Link href={`/certificates/${row.renewalId}`} className="mt-1 block text-xs text-primary hover:underline">
            {t("viewRenewal")}
          </Link>
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
    </div>
  );
}

export function TableSkeleton() {
  return (
    <div className="grid gap-3 p-4" aria-busy="true">
      {Array.from({ length: 8 }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <Skeleton key={index} className="h-10" />
      ))}
    </div>
  );
}
