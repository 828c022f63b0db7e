"use client";

import { AlertCircleIcon, RotateCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// The page itself failed (not one of its sections): the console around it stays usable.
export default function BillingError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("billing.title")}</h1>
      <Alert variant="destructive" data-testid="billing-error">
        <AlertCircleIcon aria-hidden />
        <AlertTitle>{t("errorPage.title")}</AlertTitle>
        <AlertDescription className="grid gap-3">
          <p>{t("errorPage.description")}</p>
          <Button type="button" variant="outline" size="sm" className="w-fit" onClick={reset}>
            <RotateCwIcon aria-hidden />
            {t("errorPage.retry")}
          </Button>
        </AlertDescription>
      </Alert>
    </div>
  );
}
