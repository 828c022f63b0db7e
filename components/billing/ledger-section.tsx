"use client";

import { useQuery } from "@tanstack/react-query";
import { XIcon } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useFormatter, useLocale, useTimeZone, useTranslations } from "next-intl";
import { useId } from "react";
import { QueryError } from "@/components/billing/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { RowLink } from "@/components/ui/row-link";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TablePagination } from "@/components/ui/table-pagination";
import {
  LEDGER_KINDS,
  LEDGER_PAGE_SIZES,
  type LedgerListParams,
  ledgerListQueryString,
  readLedgerListQuery,
} from "@/lib/billing/ledger-list-query";
import type { LedgerEntryRow } from "@/lib/billing/list-ledger-entries";
import { formatMoney } from "@/lib/money";
import { ledgerQuery } from "@/lib/queries/billing";
import { cn } from "@/lib/utils";

/**
 * The ledger with its filters and pages in the URL. Changing them updates the URL in
 * place (no server round trip); the query fetches the page from /api/billing/ledger.
 */
export function LedgerSection() {
  const t = useTranslations("billing.ledger");
  const id = useId();
  const timeZone = useTimeZone() ?? "UTC";
  const searchParams = useSearchParams();
  const params = readLedgerListQuery(new URLSearchParams(searchParams.toString()));
  const ledger = useQuery(ledgerQuery(params));
  const filtered = Boolean(params.kind || params.from || params.to);
  // An empty page past the end (a stale link) is "nothing matches", not "no entries yet".
  const narrowed = filtered || params.page > 1;

  function navigate(next: Partial<LedgerListParams>) {
    const query = ledgerListQueryString({ ...params, ...next });
    window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
  }
  const filter = (next: Partial<LedgerListParams>) => navigate({ ...next, page: 1 });

  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <fieldset className="grid gap-2">
          <legend className="sr-only">{t("filters.label")}</legend>
          <div className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
            <div className="col-span-2 grid gap-1.5">
              <Label htmlFor={`${id}-kind`}>{t("filters.kind")}</Label>
              <NativeSelect
                id={`${id}-kind`}
                className="w-full sm:w-auto sm:min-w-40"
                value={params.kind ?? ""}
                onChange={(event) => filter({ kind: (event.target.value || undefined) as LedgerListParams["kind"] })}
                data-testid="ledger-kind"
              >
                <option value="">{t("filters.allKinds")}</option>
                {LEDGER_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-from`}>{t("filters.from")}</Label>
              <Input
                id={`${id}-from`}
                type="date"
                className="w-full sm:w-40"
                value={params.from ?? ""}
                max={params.to}
                onChange={(event) => filter({ from: event.target.value || undefined })}
                aria-describedby={`${id}-zone`}
              />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-to`}>{t("filters.to")}</Label>
              <Input
                id={`${id}-to`}
                type="date"
                className="w-full sm:w-40"
                value={params.to ?? ""}
                min={params.from}
                onChange={(event) => filter({ to: event.target.value || undefined })}
                aria-describedby={`${id}-zone`}
              />
            </div>
            {filtered && (
              <Button
                type="button"
                variant="ghost"
                className="col-span-2 w-fit"
                onClick={() => filter({ kind: undefined, from: undefined, to: undefined })}
              >
                <XIcon aria-hidden />
                {t("filters.clear")}
              </Button>
            )}
          </div>
          <p id={`${id}-zone`} className="text-xs text-muted-foreground">
            {t("filters.zone", { zone: timeZone })}
          </p>
        </fieldset>

        {ledger.isError && (
          <QueryError message={t("error")} onRetry={() => void ledger.refetch()} retrying={ledger.isFetching} />
        )}
        {ledger.data ? (
          ledger.data.items.length === 0 ? (
            <div
              className="grid justify-items-center gap-3 rounded-md border border-dashed px-4 py-8 text-center text-sm text-muted-foreground"
              data-testid="ledger-empty"
            >
              <p>{narrowed ? t("emptyFiltered") : t("empty")}</p>
              {narrowed && (
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  onClick={() => filter({ kind: undefined, from: undefined, to: undefined })}
                >
                  {t("filters.clear")}
                </Button>
              )}
            </div>
          ) : (
            <div
              className={cn("min-w-0 rounded-md border transition-opacity", ledger.isPlaceholderData && "opacity-60")}
              aria-busy={ledger.isPlaceholderData}
            >
              <LedgerTable items={ledger.data.items} />
              <LedgerList items={ledger.data.items} />
            </div>
          )
        ) : (
          !ledger.isError && <LedgerSkeleton />
        )}

        {ledger.data && ledger.data.total > 0 && (
          <TablePagination
            name={t("pagination")}
            page={params.page}
            pageSize={params.pageSize}
            total={ledger.data.total}
            pageSizes={LEDGER_PAGE_SIZES}
            selectedPageSize={params.pageSize}
            onChange={navigate}
          />
        )}
      </CardContent>
    </Card>
  );
}

function EntryDate({ entry }: { entry: LedgerEntryRow }) {
  const format = useFormatter();
  return (
    <time dateTime={entry.createdAt} className="whitespace-nowrap">
      {format.dateTime(new Date(entry.createdAt), {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short",
      })}
    </time>
  );
}

function EntryKind({ entry }: { entry: LedgerEntryRow }) {
  const t = useTranslations("billing.ledger");
  return <Badge variant={entry.amountMinor > 0 ? "outline" : "secondary"}>{t(`kinds.${entry.kind}`)}</Badge>;
}

/** What the entry was for: the certificate (linked), the payment method of a top-up, or the note. */
function EntryDetails({ entry }: { entry: LedgerEntryRow }) {
  const t = useTranslations("billing");
  if (entry.certificate) {
    return (
      <RowLink
        href={`/certificates/${entry.certificate.id}`}
        className="font-medium break-all text-primary hover:underline"
      >
        {entry.certificate.domain}
      </RowLink>
    );
  }
  if (entry.provider) {
    return t.has(`providers.${entry.provider}.name`) ? t(`providers.${entry.provider}.name`) : entry.provider;
  }
  return entry.note ?? <span className="text-muted-foreground">—</span>;
}

function EntryAmount({ entry }: { entry: LedgerEntryRow }) {
  const locale = useLocale();
  const credit = entry.amountMinor > 0;
  return (
    <span className={cn("font-medium whitespace-nowrap tabular-nums", credit && "text-success")}>
      {credit ? "+" : ""}
      {formatMoney(entry.amountMinor, entry.currency, locale)}
    </span>
  );
}

/** From the small breakpoint up. */
function LedgerTable({ items }: { items: LedgerEntryRow[] }) {
  const t = useTranslations("billing.ledger");
  const locale = useLocale();
  return (
    <div className="hidden sm:block">
      <Table data-testid="ledger-table">
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("columns.date")}</TableHead>
            <TableHead scope="col">{t("columns.kind")}</TableHead>
            <TableHead scope="col">{t("columns.details")}</TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.amount")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.balanceAfter")}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((entry) => (
            <TableRow key={entry.id} data-kind={entry.kind}>
              <TableCell>
                <EntryDate entry={entry} />
              </TableCell>
              <TableCell>
                <EntryKind entry={entry} />
              </TableCell>
              <TableCell className="max-w-72">
                <EntryDetails entry={entry} />
              </TableCell>
              <TableCell className="text-right">
                <EntryAmount entry={entry} />
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatMoney(entry.balanceAfterMinor, entry.currency, locale)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Phones: one block per entry instead of a table too wide to read. */
function LedgerList({ items }: { items: LedgerEntryRow[] }) {
  const t = useTranslations("billing.ledger");
  const locale = useLocale();
  return (
    <ul className="grid divide-y sm:hidden" data-testid="ledger-list">
      {items.map((entry) => (
        <li key={entry.id} className="grid gap-1.5 p-3 text-sm" data-kind={entry.kind}>
          <div className="flex items-center justify-between gap-3">
            <EntryKind entry={entry} />
            <EntryAmount entry={entry} />
          </div>
          <div className="min-w-0">
            <EntryDetails entry={entry} />
          </div>
          <div className="flex flex-wrap justify-between gap-x-3 gap-y-1 text-xs text-muted-foreground">
            <EntryDate entry={entry} />
            <span>
              {t("balanceAfterValue", { amount: formatMoney(entry.balanceAfterMinor, entry.currency, locale) })}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

function LedgerSkeleton() {
  return (
    <div className="grid gap-2" data-testid="ledger-loading">
      {[0, 1, 2, 3, 4].map((row) => (
        <Skeleton key={row} className="h-9 w-full" />
      ))}
    </div>
  );
}
