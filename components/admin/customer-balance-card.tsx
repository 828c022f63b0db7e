import { useLocale, useTranslations } from "next-intl";
import { AdjustBalanceDialog } from "@/components/admin/adjust-balance-dialog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerDetail } from "@/lib/admin/get-customer-detail";
import { formatMoney } from "@/lib/money";

/** The account's balance, with the credit-or-debit dialog. */
export function CustomerBalanceCard({ customer }: { customer: CustomerDetail }) {
  const t = useTranslations("admin.customers.detail");
  const locale = useLocale();
  return (
    <Card data-testid="customer-balance-card">
      <CardHeader>
        <CardTitle>{t("balance")}</CardTitle>
        <CardDescription>{t("balanceDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-3xl font-semibold tabular-nums" data-testid="customer-balance">
          {formatMoney(customer.balanceMinor, customer.currency, locale)}
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
  );
}
