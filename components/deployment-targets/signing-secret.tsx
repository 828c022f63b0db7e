"use client";

import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";

/** A deploy webhook's signing secret, the one time it is shown. */
export function SigningSecret({ secret }: { secret: string }) {
  const t = useTranslations("deploymentTargets.secret");
  return (
    <Alert data-testid="signing-secret">
      <AlertTitle>{t("title")}</AlertTitle>
      <AlertDescription className="grid gap-2">
        <p>{t("description")}</p>
        <div className="flex items-center gap-2">
          <code className="min-w-0 flex-1 rounded bg-muted px-2 py-1 font-mono text-xs break-all">{secret}</code>
          <CopyButton value={secret} label={t("copy")} copiedLabel={t("copied")} />
        </div>
      </AlertDescription>
    </Alert>
  );
}
