"use client";

import { PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, useId } from "react";
import { Button } from "@/components/ui/button";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

export type PaymentProviderOption = { id: string; label: string };

/** Billing opened to top up a given amount, then go back where the customer came from (an order). */
export type TopUpRequest = { amountMinor: number; returnTo: string | null };

const loadDialog = () => import("@/components/billing/top-up-dialog-open");
const OpenTopUpDialog = lazy(() => loadDialog().then((module) => ({ default: module.OpenTopUpDialog })));

/** The Top up button; the dialog's code loads when it is first pressed. */
export function TopUpDialog({
  providers,
  currency,
  triggerClassName,
  request,
}: {
  providers: PaymentProviderOption[];
  /** The balance's currency; the trigger waits for it. */
  currency: string | undefined;
  triggerClassName?: string;
  request?: TopUpRequest;
}) {
  const t = useTranslations("billing");
  const id = useId();
  if (providers.length === 0) {
    return (
      <div className="grid gap-2">
        <Button className={triggerClassName} disabled aria-describedby={`${id}-not-configured`}>
          <PlusIcon aria-hidden />
          {t("topUp.open")}
        </Button>
        <p id={`${id}-not-configured`} className="text-xs text-muted-foreground" data-testid="top-up-not-configured">
          {t("topUp.notConfigured")}
        </p>
      </div>
    );
  }
  const trigger = (
    <Button className={triggerClassName} disabled={!currency} data-testid="top-up-open">
      <PlusIcon aria-hidden />
      {t("topUp.open")}
    </Button>
  );
  return (
    <DeferredOverlay load={loadDialog} trigger={trigger} startOpen={Boolean(request && currency)}>
      <OpenTopUpDialog providers={providers} currency={currency} trigger={trigger} request={request} />
    </DeferredOverlay>
  );
}
