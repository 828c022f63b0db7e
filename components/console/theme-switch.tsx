"use client";

import { MoonIcon, SunIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import { Button } from "@/components/ui/button";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadMenu = () => import("@/components/console/theme-menu");
const ThemeMenu = lazy(() => loadMenu().then((module) => ({ default: module.ThemeMenu })));

export function ThemeSwitch() {
  const t = useTranslations("theme");
  const trigger = (
    <Button variant="ghost" size="icon" aria-label={t("label")} data-testid="theme-switch">
      <SunIcon className="dark:hidden" aria-hidden />
      <MoonIcon className="hidden dark:block" aria-hidden />
    </Button>
  );
  return (
    <DeferredOverlay load={loadMenu} trigger={trigger}>
      <ThemeMenu trigger={trigger} />
    </DeferredOverlay>
  );
}
