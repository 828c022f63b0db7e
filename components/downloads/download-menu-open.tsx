"use client";

import { useQuery } from "@tanstack/react-query";
import { DownloadIcon, InfoIcon, Loader2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DownloadMenuButton } from "@/components/downloads/download-menu";
import { useCertificateDownload } from "@/components/downloads/use-certificate-download";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import {
  DOWNLOAD_SERVER_TYPES,
  type DownloadServerType,
  isCertificateOnlyServerType,
} from "@/lib/downloads/server-types";
import { certificateDeploymentQuery } from "@/lib/queries/resources";
import type { DownloadAvailability } from "@/lib/resources/get-certificate-deployment";

/** The certificate page's "Download" menu, loaded when first opened (download-menu.tsx), opened on it. */
export function OpenDownloadMenu({ certificateId, domain }: { certificateId: string; domain: string }) {
  const [open, setOpen] = useState(true);
  const deployment = useQuery(certificateDeploymentQuery(certificateId));
  const { download, pending, passwordDialog } = useCertificateDownload(certificateId);
  return (
    <>
      <DropdownMenu open={open} onOpenChange={setOpen}>
        <DropdownMenuTrigger asChild>
          <DownloadMenuButton domain={domain} pending={pending !== null} />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-72">
          <DownloadItems availability={deployment.data?.download} pending={pending} onDownload={download} />
        </DropdownMenuContent>
      </DropdownMenu>
      {passwordDialog}
    </>
  );
}

/** The server types as menu items, or why there is nothing to download. Shared by the page and the table rows. */
export function DownloadItems({
  availability,
  pending,
  onDownload,
}: {
  availability: DownloadAvailability | undefined;
  pending: DownloadServerType | null;
  onDownload: (type: DownloadServerType) => void;
}) {
  const t = useTranslations("downloads");
  if (availability === undefined) {
    return (
      <DropdownMenuItem disabled>
        <Loader2Icon className="animate-spin" aria-hidden />
        {t("loading")}
      </DropdownMenuItem>
    );
  }
  if (availability === "NONE") {
    return (
      <div className="flex gap-2 px-2 py-1.5 text-sm" data-testid="download-unavailable">
        <InfoIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
        <div className="grid gap-1">
          <p className="font-medium">{t("noFile")}</p>
          <p className="text-xs text-muted-foreground">{t("noFileHint")}</p>
        </div>
      </div>
    );
  }
  return (
    <>
      <DropdownMenuLabel>{t("menuLabel")}</DropdownMenuLabel>
      {availability === "CERTIFICATE_ONLY" && (
        <p className="px-2 pb-1.5 text-xs text-muted-foreground" data-testid="download-certificate-only">
          {t("certificateOnly")}
        </p>
      )}
      <DropdownMenuSeparator />
      {DOWNLOAD_SERVER_TYPES.map((type) => {
        const needsKey = availability === "CERTIFICATE_ONLY" && !isCertificateOnlyServerType(type);
        return (
          <DropdownMenuItem
            key={type}
            disabled={needsKey || pending !== null}
            onSelect={() => onDownload(type)}
            data-testid={`download-${type}`}
            className="items-start"
          >
            <DownloadIcon className="mt-0.5" aria-hidden />
            <span className="grid gap-0.5">
              <span className="font-medium">{t(`types.${type}.label`)}</span>
              <span className="text-xs text-muted-foreground">
                {needsKey ? t("needsKey") : t(`types.${type}.hint`)}
              </span>
            </span>
          </DropdownMenuItem>
        );
      })}
    </>
  );
}
