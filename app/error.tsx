"use client";

import { useTranslations } from "next-intl";

// Shown for unexpected errors; the server has logged the details (never sent here).
// A plain button styled as <Button>: every page loads this boundary's code, and the Button
// component would bring cn() and class-variance-authority into that shared chunk as well.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center"
    >
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      <button
        type="button"
        className="mt-2 inline-flex h-9 items-center justify-center rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground shadow-sm transition-colors hover:bg-primary/90"
        onClick={reset}
      >
        {t("retry")}
      </button>
    </main>
  );
}
