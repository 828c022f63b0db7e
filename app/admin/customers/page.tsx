import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AccountStatusBadge, RoleBadge } from "@/components/admin/account-badges";
import { FilterField, FilterForm } from "@/components/admin/filter-form";
import { PageHeader } from "@/components/console/page-header";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PaginationLinks } from "@/components/ui/pagination-links";
import { RowLink } from "@/components/ui/row-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { customerListQueryString, parseCustomerListParams } from "@/lib/admin/customer-list-params";
import { listCustomers } from "@/lib/admin/list-customers";
import { requireAdminPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatMoney } from "@/lib/money";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.customers");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CustomersPage({ searchParams }: Props) {
  const [user, t, locale, format, query, today] = await Promise.all([
    requireAdminPage(),
    getTranslations("admin.customers"),
    getLocale(),
    getFormatter(),
    searchParams,
    now(),
  ]);
  const params = parseCustomerListParams(query);
  const list = await listCustomers(user, params, today);
  const filtered = Boolean(params.q || params.status || params.role);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4">
        <FilterForm action="/admin/customers" filtered={filtered} label={t("filters.label")}>
          <div className="min-w-56 flex-1">
            <FilterField label={t("filters.search")} htmlFor="customer-q">
              <Input
                id="customer-q"
                name="q"
                type="search"
                defaultValue={params.q ?? ""}
                placeholder={t("filters.searchPlaceholder")}
                maxLength={200}
                data-testid="customer-search"
              />
            </FilterField>
          </div>
          <FilterField label={t("filters.status")} htmlFor="customer-status">
            <NativeSelect id="customer-status" name="status" defaultValue={params.status ?? ""} className="w-40">
              <option value="">{t("filters.any")}</option>
              <option value="active">{t("status.active")}</option>
              <option value="disabled">{t("status.disabled")}</option>
            </NativeSelect>
          </FilterField>
          <FilterField label={t("filters.role")} htmlFor="customer-role">
            <NativeSelect id="customer-role" name="role" defaultValue={params.role ?? ""} className="w-40">
              <option value="">{t("filters.any")}</option>
              <option value="CUSTOMER">{t("roles.CUSTOMER")}</option>
              <option value="ADMIN">{t("roles.ADMIN")}</option>
            </NativeSelect>
          </FilterField>
        </FilterForm>

        <Card className="overflow-hidden">
          {list.items.length === 0 ? (
            <p className="px-6 py-12 text-center text-sm text-muted-foreground" data-testid="customers-empty">
              {filtered ? t("noMatch") : t("empty")}
            </p>
          ) : (
            <Table data-testid="customer-table">
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t("columns.customer")}</TableHead>
                  <TableHead scope="col">{t("columns.status")}</TableHead>
                  <TableHead scope="col" className="text-right">
                    {t("columns.balance")}
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    {t("columns.certificates")}
                  </TableHead>
                  <TableHead scope="col">{t("columns.joined")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((row) => (
                  <TableRow key={row.id} data-testid="customer-row" data-customer-id={row.id}>
                    <TableCell>
                      <div className="flex flex-wrap items-center gap-2">
                        <RowLink
                          href={`/admin/customers/${row.id}`}
                          className="font-medium text-primary hover:underline"
                        >
                          {row.email}
                        </RowLink>
                        <RoleBadge role={row.role} />
                      </div>
                      <div className="text-xs text-muted-foreground">{row.name}</div>
                    </TableCell>
                    <TableCell>
                      <AccountStatusBadge disabledAt={row.disabledAt} />
                    </TableCell>
                    <TableCell className="text-right font-medium tabular-nums" data-testid="customer-balance">
                      {formatMoney(row.balanceMinor, row.currency, locale)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{row.certificateCount}</TableCell>
                    <TableCell className="whitespace-nowrap text-muted-foreground">
                      {format.dateTime(new Date(row.createdAt), "dateZone")}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
        <PaginationLinks
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          hrefFor={(page) => `/admin/customers?${customerListQueryString({ ...params, page })}`}
        />
      </div>
    </>
  );
}
