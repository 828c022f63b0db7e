import { useTranslations } from "next-intl";
import { CustomerLedgerTable } from "@/components/admin/customer-ledger-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PaginationLinks } from "@/components/ui/pagination-links";
import type { LedgerPage } from "@/lib/billing/list-ledger-entries";

/** A page of the account's ledger, newest first, with links to the other pages. */
export function CustomerLedgerCard({ customerId, ledger }: { customerId: string; ledger: LedgerPage }) {
  const t = useTranslations("admin.customers.detail");
  return (
    <Card className="min-w-0" data-testid="customer-ledger">
      <CardHeader>
        <CardTitle>{t("ledger")}</CardTitle>
        <CardDescription>{t("ledgerDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {ledger.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noLedger")}</p>
        ) : (
          <CustomerLedgerTable entries={ledger.items} />
        )}
        <PaginationLinks
          page={ledger.page}
          pageSize={ledger.pageSize}
          total={ledger.total}
          hrefFor={(page) => `/admin/customers/${customerId}${page > 1 ? `?ledgerPage=${page}` : ""}`}
        />
      </CardContent>
    </Card>
  );
}
