"use client";

import { LanguagesIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";
import type { LOCALES } from "@/lib/i18n/locales";

const loadMenu = () => import("@/components/console/locale-menu");
const LocaleMenu = lazy(() => loadMenu().then((module) => ({ default: module.LocaleMenu })));

export function LocaleSwitch() {
  const t = useTranslations("language");
  const locale = useLocale();
  const trigger = (
    <Button variant="ghost" size="sm" aria-label={t("label")} data-testid="locale-switch">
      <LanguagesIcon aria-hidden />
      <span className="hidden sm:inline">{t(locale as (typeof LOCALES)[number])}</span>
    </Button>
  );
  return (
    <DeferredOverlay load={loadMenu} trigger={trigger}>
      <LocaleMenu trigger={trigger} />
    </DeferredOverlay>
  );
}
