"use client";

import { DownloadIcon, Loader2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadMenu = () => import("@/components/downloads/download-menu-open");
const OpenDownloadMenu = lazy(() => loadMenu().then((module) => ({ default: module.OpenDownloadMenu })));

/**
 * The "Download" menu of the certificate page: one zip per server type. The button renders
 * at once; the menu (Radix with floating-ui) and the download code load on first press.
 */
export function DownloadMenu({ certificateId, domain }: { certificateId: string; domain: string }) {
  const trigger = <DownloadMenuButton domain={domain} pending={false} />;
  return (
    <DeferredOverlay load={loadMenu} trigger={trigger}>
      <OpenDownloadMenu certificateId={certificateId} domain={domain} />
    </DeferredOverlay>
  );
}

/** The menu's trigger, also used by the loaded menu (which passes Radix's trigger props through). */
export function DownloadMenuButton({ domain, pending, ...props }: ButtonProps & { domain: string; pending: boolean }) {
  const t = useTranslations("downloads");
  return (
    <Button variant="outline" aria-label={`${t("menu")}: ${domain}`} data-testid="download-menu" {...props}>
      {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <DownloadIcon aria-hidden />}
      {t("menu")}
    </Button>
  );
}
