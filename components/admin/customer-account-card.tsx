import { ClipboardListIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { AccountStatusButton } from "@/components/admin/account-status-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CustomerDetail } from "@/lib/admin/get-customer-detail";

/** When the account joined, what it holds, whether it is disabled; disabling it and its audit trail. */
export function CustomerAccountCard({ customer, isSelf }: { customer: CustomerDetail; isSelf: boolean }) {
  const t = useTranslations("admin.customers.detail");
  const format = useFormatter();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("account")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="text-muted-foreground">{t("joined")}</dt>
          <dd>{format.dateTime(new Date(customer.createdAt), "dateTime")}</dd>
          <dt className="text-muted-foreground">{t("certificates")}</dt>
          <dd>
            {t("certificateSummary", {
              count: customer.certificateCount,
              on: customer.autoRenew.ON,
              terminated: customer.autoRenew.TERMINATED,
            })}
          </dd>
          {customer.disabledAt && (
            <>
              <dt className="text-muted-foreground">{t("disabledSince")}</dt>
              <dd>{format.dateTime(new Date(customer.disabledAt), "dateTime")}</dd>
            </>
          )}
        </dl>
        <div className="flex flex-wrap gap-2">
          <AccountStatusButton
            userId={customer.id}
            email={customer.email}
            disabled={Boolean(customer.disabledAt)}
            isSelf={isSelf}
          />
          <Button variant="ghost" asChild>
            <Link href={`/admin/audit?target=${encodeURIComponent(customer.id)}`}>
              <ClipboardListIcon aria-hidden />
              {t("auditTrail")}
            </Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
