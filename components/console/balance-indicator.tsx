"use client";

import { useQuery } from "@tanstack/react-query";
import { WalletIcon } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import { balanceQuery } from "@/lib/queries/account";

export function BalanceIndicator() {
  const t = useTranslations("header");
  const locale = useLocale();
  const { data, isError } = useQuery(balanceQuery);
  return (
    <Link
      href="/billing"
      className="hidden items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-accent sm:flex"
      data-testid="header-balance"
    >
      <WalletIcon className="size-4 text-muted-foreground" aria-hidden />
      <span className="text-muted-foreground">{t("balance")}</span>
      <span className="font-medium tabular-nums">
        {data ? formatMoney(data.balanceMinor, data.currency, locale) : isError ? t("balanceUnavailable") : "…"}
      </span>
    </Link>
  );
}
