"use client";

import { AlertCircleIcon, RotateCwIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A section whose data could not be loaded: what failed, and a way to try again. */
export function QueryError({
  message,
  onRetry,
  retrying,
}: {
  message: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  const t = useTranslations("billing");
  return (
    <Alert variant="destructive">
      <AlertCircleIcon aria-hidden />
      <AlertDescription className="flex flex-wrap items-center justify-between gap-3">
        <span>{message}</span>
        <Button type="button" variant="outline" size="sm" onClick={onRetry} disabled={retrying}>
          <RotateCwIcon className={retrying ? "animate-spin" : undefined} aria-hidden />
          {t("retry")}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
