"use client";

import { useQuery } from "@tanstack/react-query";
import { FileSearchIcon, UserIcon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useOptimistic, useState, useTransition } from "react";
import { AutoRenewBadge } from "@/components/certificates/certificate-badges";
import { CertificateFilters } from "@/components/certificates/certificate-filters";
import {
  BrandTypeCell,
  CertificateListLoadError,
  StatusExpiryCells,
  TableSkeleton,
} from "@/components/certificates/certificate-table-parts";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { RowLink } from "@/components/ui/row-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TablePagination } from "@/components/ui/table-pagination";
import {
  type AdminCertificateListParams,
  adminCertificateListQueryString,
  readAdminCertificateListQuery,
} from "@/lib/admin/admin-certificate-list-query";
import type { AdminCertificateRow } from "@/lib/admin/list-all-certificates";
import { PAGE_SIZES } from "@/lib/certificates/certificate-list-query";
import { adminCertificateListQuery } from "@/lib/queries/admin";
import { cn } from "@/lib/utils";

/** Every customer's certificates: the My Certificates filters plus the owner, all in the URL. */
export function AdminCertificateTable() {
  const t = useTranslations("certificates");
  const ta = useTranslations("admin.certificates");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => readAdminCertificateListQuery(new URLSearchParams(searchParams)), [searchParams]);
  const list = useQuery(adminCertificateListQuery(params));

  const [shownParams, showParams] = useOptimistic(params);
  const [, startTransition] = useTransition();
  const update = useCallback(
    (next: Partial<AdminCertificateListParams>) => {
      const merged = { ...params, ...next };
      const query = adminCertificateListQueryString(merged);
      startTransition(() => {
        showParams(merged);
        router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
      });
    },
    [params, pathname, router, showParams],
  );

  // The owner box, like the search box, updates the URL after a short pause.
  const [owner, setOwner] = useState(params.owner ?? "");
  useEffect(() => setOwner(params.owner ?? ""), [params.owner]);
  useEffect(() => {
    if (owner === (params.owner ?? "")) return;
    const timer = setTimeout(() => update({ owner: owner || undefined, page: 1 }), 300);
    return () => clearTimeout(timer);
  }, [owner, params.owner, update]);

  const data = list.data;
  const filtered = Boolean(
    params.q || params.status || params.brand || params.autoRenew || params.expiring || params.owner,
  );

  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        <div className="relative max-w-md">
          <UserIcon
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            type="search"
            value={owner}
            onChange={(event) => setOwner(event.target.value)}
            placeholder={ta("ownerPlaceholder")}
            aria-label={ta("ownerLabel")}
            className="pl-8"
            maxLength={200}
            data-testid="filter-owner"
          />
        </div>
        <CertificateFilters
          params={shownParams}
          brands={data?.brands ?? []}
          onChange={(next) => {
            // "Clear filters" clears the owner too.
            const clearing = ["q", "status", "brand", "autoRenew"].every((key) => key in next);
            if (clearing) setOwner("");
            update(clearing ? { ...next, owner: undefined } : next);
          }}
        />
      </div>
      <Card className="overflow-hidden" aria-busy={list.isFetching}>
        {list.isError && !data ? (
          <CertificateListLoadError onRetry={() => list.refetch()} />
        ) : !data ? (
          <TableSkeleton />
        ) : data.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 px-6 py-16 text-center" data-testid="certificates-empty">
            <FileSearchIcon className="size-10 text-muted-foreground" aria-hidden />
            <h2 className="font-medium">{filtered ? t("noMatch.title") : ta("empty")}</h2>
            {filtered && <p className="max-w-sm text-sm text-muted-foreground">{t("noMatch.description")}</p>}
          </div>
        ) : (
          <Table data-testid="admin-certificate-table">
            <TableHeader>
              <TableRow>
                <TableHead>{ta("certificate")}</TableHead>
                <TableHead>{ta("owner")}</TableHead>
                <TableHead>{t("columns.brandType")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead>{t("columns.expiry")}</TableHead>
                <TableHead>{t("columns.autoRenew")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody className={cn(list.isPlaceholderData && "opacity-60")}>
              {data.items.map((row) => (
                <AdminCertificateTableRow key={row.id} row={row} />
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
          onChange={update}
        />
      )}
    </div>
  );
}

function AdminCertificateTableRow({ row }: { row: AdminCertificateRow }) {
  const t = useTranslations("certificates");
  return (
    <TableRow data-testid="certificate-row" data-certificate-id={row.id}>
      <TableCell>
        <div className="flex flex-wrap items-center gap-1.5">
          <RowLink
            href={`/admin/certificates/${row.id}`}
            className="max-w-64 truncate font-medium text-primary hover:underline"
          >
            {row.domain}
          </RowLink>
          {row.sansCount > 0 && <Badge variant="outline">{t("moreSans", { count: row.sansCount })}</Badge>}
        </div>
        <div className="max-w-72 truncate text-xs text-muted-foreground">
          <span className="font-mono">{row.id}</span> · {row.alias ?? t("noAlias")}
        </div>
      </TableCell>
      <TableCell>
        <RowLink
          href={`/admin/customers/${row.owner.id}`}
          className="block max-w-52 truncate hover:underline"
          data-testid="certificate-owner"
        >
          {row.owner.email}
        </RowLink>
      </TableCell>
      <BrandTypeCell row={row} showPurchased />
      <StatusExpiryCells row={row} />
      <TableCell>
        <AutoRenewBadge state={row.autoRenewState} reason={row.autoRenewEndReason} />
        {row.renewalId ? (
          <RowLink
            href={`/admin/certificates/${row.renewalId}`}
            className="mt-1 block text-xs text-muted-foreground hover:underline"
          >
            {t("renewalPaid")}
          </RowLink>
        ) : (
          row.renewalPaid && <div className="mt-1 text-xs text-muted-foreground">{t("renewalPaid")}</div>
        )}
      </TableCell>
    </TableRow>
  );
}
