"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertTriangleIcon } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { RowLink } from "@/components/ui/row-link";
import { formatMoney } from "@/lib/money";
import { balanceWarningQuery } from "@/lib/queries/account";

/** On every console page while the renewal fees due in the next 30 days exceed the balance. */
export function BalanceWarningBanner() {
  const t = useTranslations("header.balanceWarning");
  const locale = useLocale();
  const { data } = useQuery(balanceWarningQuery);
  if (!data) return null;
  const money = (amount: number) => formatMoney(amount, data.currency, locale);
  const shown = data.atRisk.slice(0, 3);
  return (
    <div
      role="alert"
      data-testid="balance-warning"
      className="flex flex-wrap items-start gap-3 border-b border-warning/40 bg-warning-bg px-4 py-3 text-sm text-warning-foreground sm:px-6"
    >
      <AlertTriangleIcon className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
      <div className="grid flex-1 gap-1">
        <p className="font-medium">
          {t("title", {
            due: money(data.dueMinor),
            balance: money(data.balanceMinor),
            missing: money(data.missingMinor),
          })}
        </p>
        <p>
          {t("atRisk", { count: data.atRisk.length })}{" "}
          {shown.map((deduction, index) => (
            <span key={deduction.certificateId}>
              {index > 0 && ", "}
              <RowLink
                href={`/certificates/${deduction.certificateId}`}
                className="font-medium underline underline-offset-2"
              >
                {deduction.domain}
              </RowLink>
            </span>
          ))}
          {data.atRisk.length > shown.length && ` ${t("andMore", { count: data.atRisk.length - shown.length })}`}
        </p>
      </div>
      <Link
        href="/billing"
        className="rounded-md bg-warning px-3 py-1.5 text-sm font-medium text-white hover:opacity-90 dark:text-black"
      >
        {t("topUp")}
      </Link>
    </div>
  );
}
