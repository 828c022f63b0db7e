"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { downloadUrl, INCLUDES_PRIVATE_KEY_HEADER, KEYSTORE_PASSWORD_HEADER } from "@/lib/downloads/download-headers";
import type { DownloadServerType as ServerType } from "@/lib/downloads/server-types";

type Shown = { type: ServerType; fileName: string; password: string };

/**
 * Downloads a certificate's zip for one server type. The route answers with the zip and,
 * for IIS and Tomcat, the keystore password in a header: the password lives only in this
 * component's state until the dialog showing it is closed.
 */
export function useCertificateDownload(certificateId: string) {
  const t = useTranslations("downloads");
  const [pending, setPending] = useState<ServerType | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  async function download(type: ServerType) {
    setPending(type);
    try {
      const response = await fetch(downloadUrl(certificateId, type), { cache: "no-store" });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        toast.error(t("failed", { message: body.message ?? response.statusText }));
        return;
      }
      const fileName = fileNameFrom(response.headers.get("content-disposition")) ?? `${certificateId}_${type}.zip`;
      const password = response.headers.get(KEYSTORE_PASSWORD_HEADER);
      const withoutKey = response.headers.get(INCLUDES_PRIVATE_KEY_HEADER) === "false";
      saveBlob(await response.blob(), fileName);
      if (password) setShown({ type, fileName, password });
      else toast.success(t("downloaded", { fileName }), withoutKey ? { description: t("certificateOnly") } : undefined);
    } catch {
      toast.error(t("failed", { message: t("network") }));
    } finally {
      setPending(null);
    }
  }

  const passwordDialog = (
    <Dialog open={shown !== null} onOpenChange={(open) => !open && setShown(null)}>
      <DialogContent closeLabel={t("password.close")} data-testid="keystore-password-dialog">
        {shown && (
          <>
            <DialogHeader>
              <DialogTitle>{t("password.title")}</DialogTitle>
              <DialogDescription>
                {t("password.description", { type: t(`types.${shown.type}.label`), fileName: shown.fileName })}
              </DialogDescription>
            </DialogHeader>
            <div className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 p-3">
              <code className="min-w-0 flex-1 font-mono text-sm break-all select-all" data-testid="keystore-password">
                {shown.password}
              </code>
              <CopyButton value={shown.password} label={t("password.copy")} copiedLabel={t("password.copied")} />
            </div>
            <p className="text-sm text-muted-foreground">{t("password.once")}</p>
            <DialogFooter>
              <Button onClick={() => setShown(null)}>{t("password.done")}</Button>
            </DialogFooter>
          </>
        )}
      </DialogContent>
    </Dialog>
  );

  return { download, pending, passwordDialog };
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the browser has taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
