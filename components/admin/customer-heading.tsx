import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AccountStatusBadge, RoleBadge } from "@/components/admin/account-badges";
import type { CustomerDetail } from "@/lib/admin/get-customer-detail";

/** The way back to the list, the account's email, name, id, role and status. */
export function CustomerHeading({ customer }: { customer: CustomerDetail }) {
  const t = useTranslations("admin.customers");
  return (
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
  );
}
