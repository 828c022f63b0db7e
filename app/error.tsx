"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Shown for unexpected errors; the server has logged the details (never sent here).
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center"
    >
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      <Button className="mt-2" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}
