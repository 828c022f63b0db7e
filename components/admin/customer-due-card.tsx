import { useLocale, useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerDetail } from "@/lib/admin/get-customer-detail";
import { formatMoney } from "@/lib/money";

/** The renewal fees due within 30 days, and the shortfall when the balance cannot cover them. */
export function CustomerDueCard({ customer }: { customer: CustomerDetail }) {
  const t = useTranslations("admin.customers.detail");
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, customer.currency, locale);
  const due = customer.dueIn30Days;
  return (
    <Card data-testid="customer-due-card">
      <CardHeader>
        <CardTitle>{t("due")}</CardTitle>
        <CardDescription>{t("dueDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <p className="text-3xl font-semibold tabular-nums">{money(due.dueMinor)}</p>
        <p className="text-muted-foreground">{t("dueCount", { count: due.count })}</p>
        {due.missingMinor > 0 && (
          <Alert variant="warning">
            <AlertDescription data-testid="customer-at-risk">
              {t("atRisk", { missing: money(due.missingMinor), count: due.uncoveredCount })}
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
