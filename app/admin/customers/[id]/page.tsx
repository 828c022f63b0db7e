import { ArrowLeftIcon, ArrowRightIcon, ClipboardListIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getFormatter, getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { cache } from "react";
import { AccountStatusBadge, RoleBadge } from "@/components/admin/account-badges";
import { AccountStatusButton } from "@/components/admin/account-status-button";
import { AdjustBalanceDialog } from "@/components/admin/adjust-balance-dialog";
import { AutoRenewBadge, StatusBadge } from "@/components/certificates/certificate-badges";
import { ExpiryCell } from "@/components/certificates/expiry-cell";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { parseAdminCertificateListParams } from "@/lib/admin/admin-certificate-list-params";
import { getCustomerDetail } from "@/lib/admin/get-customer-detail";
import { listAllCertificates } from "@/lib/admin/list-all-certificates";
import { listCustomerLedger } from "@/lib/admin/list-customer-ledger";
import { requireAdminPage } from "@/lib/auth/session";
import { parseLedgerListParams } from "@/lib/billing/ledger-list-params";
import { now } from "@/lib/clock";
import { formatMoney } from "@/lib/money";
import { isLookupId } from "@/lib/text/storable-text";
import { cn } from "@/lib/utils";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadCustomer = cache(async (id: string) => {
  const user = await requireAdminPage();
  return isLookupId(id) ? getCustomerDetail(user, id, await now()) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await loadCustomer(id))?.email ?? id };
}

const CERTIFICATES_SHOWN = "10";

export default async function CustomerPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const customer = await loadCustomer(id);
  if (!customer) notFound();
  const [user, t, tb, locale, format, timeZone, today] = await Promise.all([
    requireAdminPage(),
    getTranslations("admin.customers"),
    getTranslations("billing.ledger"),
    getLocale(),
    getFormatter(),
    getTimeZone(),
    now(),
  ]);
  const ledgerParams = parseLedgerListParams({ page: query.ledgerPage, pageSize: "10" });
  const [certificates, ledger] = await Promise.all([
    listAllCertificates(user, parseAdminCertificateListParams({ pageSize: CERTIFICATES_SHOWN }), today, {
      ownerId: customer.id,
    }),
    listCustomerLedger(user, customer.id, ledgerParams, { now: today, timeZone }),
  ]);
  const money = (minor: number) => formatMoney(minor, customer.currency, locale);
  const due = customer.dueIn30Days;

  return (
    <div className="grid gap-6">
      <div>
        <Link
          href="/admin/customers"
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeftIcon className="size-4" aria-hidden />
          {t("back")}
        </Link>
        <div className="mt-2 min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight" data-testid="customer-email">
            {customer.email}
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <span>{customer.name}</span>
            <span className="font-mono text-xs">{customer.id}</span>
            <RoleBadge role={customer.role} />
            <AccountStatusBadge disabledAt={customer.disabledAt} />
          </div>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card data-testid="customer-balance-card">
          <CardHeader>
            <CardTitle>{t("detail.balance")}</CardTitle>
            <CardDescription>{t("detail.balanceDescription")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <p className="text-3xl font-semibold tabular-nums" data-testid="customer-balance">
              {money(customer.balanceMinor)}
            </p>
            <div>
              <AdjustBalanceDialog
                customerId={customer.id}
                email={customer.email}
                balanceMinor={customer.balanceMinor}
                currency={customer.currency}
              />
            </div>
          </CardContent>
        </Card>
        <Card data-testid="customer-due-card">
          <CardHeader>
            <CardTitle>{t("detail.due")}</CardTitle>
            <CardDescription>{t("detail.dueDescription")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <p className="text-3xl font-semibold tabular-nums">{money(due.dueMinor)}</p>
            <p className="text-muted-foreground">{t("detail.dueCount", { count: due.count })}</p>
            {due.missingMinor > 0 && (
              <Alert variant="warning">
                <AlertDescription data-testid="customer-at-risk">
                  {t("detail.atRisk", { missing: money(due.missingMinor), count: due.uncoveredCount })}
                </AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("detail.account")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="text-muted-foreground">{t("detail.joined")}</dt>
              <dd>{format.dateTime(new Date(customer.createdAt), "dateTime")}</dd>
              <dt className="text-muted-foreground">{t("detail.certificates")}</dt>
              <dd>
                {t("detail.certificateSummary", {
                  count: customer.certificateCount,
                  on: customer.autoRenew.ON,
                  terminated: customer.autoRenew.TERMINATED,
                })}
              </dd>
              {customer.disabledAt && (
                <>
                  <dt className="text-muted-foreground">{t("detail.disabledSince")}</dt>
                  <dd>{format.dateTime(new Date(customer.disabledAt), "dateTime")}</dd>
                </>
              )}
            </dl>
            <div className="flex flex-wrap gap-2">
              <AccountStatusButton
                userId={customer.id}
                email={customer.email}
                disabled={Boolean(customer.disabledAt)}
                isSelf={customer.id === user.id}
              />
              <Button variant="ghost" asChild>
                <Link href={`/admin/audit?target=${encodeURIComponent(customer.id)}`}>
                  <ClipboardListIcon aria-hidden />
                  {t("detail.auditTrail")}
                </Link>
              </Button>
            </div>
          </CardContent>
        </Card>
      </div>

      <Card className="min-w-0">
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
          <div className="grid gap-1.5">
            <CardTitle>{t("detail.certificatesTitle")}</CardTitle>
            <CardDescription>
              {t("detail.certificatesDescription", { shown: certificates.items.length, total: certificates.total })}
            </CardDescription>
          </div>
          {certificates.total > 0 && (
            <Button variant="outline" size="sm" asChild>
              <Link href={`/admin/certificates?owner=${encodeURIComponent(customer.email)}`}>
                {t("detail.allCertificates")}
                <ArrowRightIcon aria-hidden />
              </Link>
            </Button>
          )}
        </CardHeader>
        <CardContent>
          {certificates.items.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("detail.noCertificates")}</p>
          ) : (
            <CustomerCertificates items={certificates.items} />
          )}
        </CardContent>
      </Card>

      <Card className="min-w-0" data-testid="customer-ledger">
        <CardHeader>
          <CardTitle>{t("detail.ledger")}</CardTitle>
          <CardDescription>{t("detail.ledgerDescription")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {ledger.items.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("detail.noLedger")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{tb("columns.date")}</TableHead>
                  <TableHead scope="col">{tb("columns.kind")}</TableHead>
                  <TableHead scope="col">{tb("columns.details")}</TableHead>
                  <TableHead scope="col" className="text-right">
                    {tb("columns.amount")}
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    {tb("columns.balanceAfter")}
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {ledger.items.map((entry) => (
                  <TableRow key={entry.id} data-testid="ledger-row">
                    <TableCell className="whitespace-nowrap">
                      {format.dateTime(new Date(entry.createdAt), "dateTime")}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{tb(`kinds.${entry.kind}`)}</TableCell>
                    <TableCell className="max-w-72 text-muted-foreground">
                      {entry.certificate && (
                        <Link href={`/admin/certificates/${entry.certificate.id}`} className="hover:underline">
                          {entry.certificate.domain}
                        </Link>
                      )}
                      {entry.note && <span className="block break-words">{entry.note}</span>}
                    </TableCell>
                    <TableCell
                      className={cn(
                        "text-right font-medium whitespace-nowrap tabular-nums",
                        entry.amountMinor < 0 ? "text-destructive" : "text-success",
                      )}
                    >
                      {entry.amountMinor > 0 ? "+" : ""}
                      {formatMoney(entry.amountMinor, entry.currency, locale)}
                    </TableCell>
                    <TableCell className="text-right whitespace-nowrap tabular-nums">
                      {formatMoney(entry.balanceAfterMinor, entry.currency, locale)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <PaginationLinks
            page={ledger.page}
            pageSize={ledger.pageSize}
            total={ledger.total}
            hrefFor={(page) => `/admin/customers/${customer.id}${page > 1 ? `?ledgerPage=${page}` : ""}`}
          />
        </CardContent>
      </Card>
    </div>
  );
}

function CustomerCertificates({ items }: { items: Awaited<ReturnType<typeof listAllCertificates>>["items"] }) {
  const t = useTranslations("certificates.columns");
  return (
    <Table data-testid="customer-certificates">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("domain")}</TableHead>
          <TableHead scope="col">{t("brandType")}</TableHead>
          <TableHead scope="col">{t("status")}</TableHead>
          <TableHead scope="col">{t("expiry")}</TableHead>
          <TableHead scope="col">{t("autoRenew")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((row) => (
          <TableRow key={row.id}>
            <TableCell>
              <Link href={`/admin/certificates/${row.id}`} className="font-medium text-primary hover:underline">
                {row.domain}
              </Link>
              <div className="font-mono text-xs text-muted-foreground">{row.id}</div>
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {row.brand} · {row.certificateType}
            </TableCell>
            <TableCell>
              <StatusBadge status={row.status} />
            </TableCell>
            <TableCell>
              <ExpiryCell
                expiresAt={row.expiresAt}
                daysRemaining={row.daysRemaining}
                expired={row.status === "EXPIRED"}
              />
            </TableCell>
            <TableCell>
              <AutoRenewBadge state={row.autoRenewState} reason={row.autoRenewEndReason} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
