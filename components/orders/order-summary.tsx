"use client";

import { AlertTriangleIcon, PlusIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { OrderCatalogueProduct } from "@/lib/orders/get-order-catalogue";
import type { OrderFlow } from "@/lib/orders/order-products";

/** What the order costs, the balance before and after, and a Top up for what is missing. */
export function OrderSummary({
  flow,
  product,
  nameCount,
  priceMinor,
  balance,
  free,
  shortMinor,
  topUpHref,
  onTopUp,
}: {
  flow: OrderFlow;
  product: OrderCatalogueProduct | undefined;
  nameCount: number;
  priceMinor: number;
  balance: { amountMinor: number; currency: string };
  free: { held: number; limit: number };
  shortMinor: number;
  topUpHref: (amountMinor: number) => string;
  onTopUp: () => void;
}) {
  const t = useTranslations("certificateOrder.summary");
  const locale = useLocale();
  const money = (amountMinor: number) => formatMoney(amountMinor, balance.currency, locale);
  const rows =
    flow === "FREE"
      ? [
          { label: t("price"), value: t("free"), testId: "order-price" },
          {
            label: t("freeUsage"),
            value: t("freeUsageValue", { held: free.held, limit: free.limit }),
            testId: "order-free-usage",
          },
        ]
      : [
          {
            label: product?.domainType === "MULTI" ? t("priceMulti", { count: nameCount }) : t("price"),
            value: money(priceMinor),
            testId: "order-price",
          },
          { label: t("balance"), value: money(balance.amountMinor), testId: "order-balance" },
          {
            label: t("balanceAfter"),
            value: shortMinor > 0 ? "—" : money(balance.amountMinor - priceMinor),
            testId: "order-balance-after",
          },
        ];
  return (
    <Card data-testid="order-summary">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid gap-2 text-sm">
          {rows.map((row) => (
            <div key={row.testId} className="flex items-baseline justify-between gap-4">
              <dt className="text-muted-foreground">{row.label}</dt>
              <dd className="font-medium tabular-nums" data-testid={row.testId}>
                {row.value}
              </dd>
            </div>
          ))}
        </dl>
        {shortMinor > 0 && (
          <Alert variant="warning" data-testid="order-short">
            <AlertTriangleIcon aria-hidden />
            <AlertDescription className="grid gap-2">
              <p>{t("short", { missing: money(shortMinor) })}</p>
              <p>
                <Button asChild size="sm">
                  <a href={topUpHref(shortMinor)} onClick={onTopUp} data-testid="order-short-top-up">
                    <PlusIcon aria-hidden />
                    {t("topUp", { missing: money(shortMinor) })}
                  </a>
                </Button>
              </p>
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
