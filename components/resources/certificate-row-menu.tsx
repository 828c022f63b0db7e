"use client";

import { useQuery } from "@tanstack/react-query";
import { BanIcon, CloudUploadIcon, KeyRoundIcon, MoreHorizontalIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { OpenDeleteCertificateDialog } from "@/components/certificates/delete-certificate-dialog-open";
import { OpenReissueCertificateDialog } from "@/components/certificates/reissue-certificate-dialog-open";
import { OpenRevokeCertificateDialog } from "@/components/certificates/revoke-certificate-dialog-open";
import { DownloadItems } from "@/components/downloads/download-menu-open";
import { useCertificateDownload } from "@/components/downloads/use-certificate-download";
import { UpdateResourcesDialog } from "@/components/resources/update-resources-dialog";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { waitsForIssuance } from "@/lib/certificates/deletion-rules";
import type { CertificateRow } from "@/lib/certificates/list-certificates";
import { certificateDeploymentQuery } from "@/lib/queries/resources";

/**
 * My Certificates row actions after issuance: the "Update to cloud resources" prompt on an
 * issued renewal whose predecessor still serves resources, and a menu with the downloads
 * and "Deploy to cloud resources" (what is available is asked when the menu opens), Revoke
 * and Delete.
 * Loaded when one of them is first pressed (certificate-row-actions.tsx), opened on it.
 */
export function CertificateRowMenu({ row, opened }: { row: CertificateRow; opened: "menu" | "update" }) {
  const t = useTranslations("resources");
  const tc = useTranslations("certificates");
  const [menuOpen, setMenuOpen] = useState(opened === "menu");
  const [dialog, setDialog] = useState<"update" | "deploy" | "reissue" | "revoke" | "delete" | null>(
    opened === "update" ? "update" : null,
  );
  const hasFiles = row.status === "ISSUED" || row.status === "EXPIRED";
  const deployment = useQuery({ ...certificateDeploymentQuery(row.id), enabled: menuOpen && hasFiles });
  const { download, pending, passwordDialog } = useCertificateDownload(row.id);
  const label = row.alias ? `${row.domain} (${row.alias})` : row.domain;
  if (waitsForIssuance(row.status)) return null;
  const updateFrom = row.resourceUpdateFromId ?? null;
  return (
    <>
      {updateFrom && (
        <Button
          variant="link"
          size="sm"
          className="px-1"
          onClick={() => setDialog("update")}
          aria-label={`${t("prompt.action")}: ${label}`}
          data-testid="row-update-resources"
        >
          {t("prompt.action")}
        </Button>
      )}
      <DropdownMenu open={menuOpen} onOpenChange={setMenuOpen}>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="icon"
            className="size-8"
            aria-label={t("rowMenu", { certificate: label })}
            data-testid="row-more-actions"
          >
            <MoreHorizontalIcon aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-72">
          {hasFiles && (
            <>
              <DownloadItems availability={deployment.data?.download} pending={pending} onDownload={download} />
              <DropdownMenuSeparator />
            </>
          )}
          {row.status === "ISSUED" && deployment.data?.simulatedResources && (
            <>
              <DropdownMenuItem onSelect={() => setDialog(updateFrom ? "update" : "deploy")} data-testid="row-deploy">
                <CloudUploadIcon aria-hidden />
                {updateFrom ? t("prompt.action") : t("deploy")}
              </DropdownMenuItem>
              <DropdownMenuSeparator />
            </>
          )}
          {row.status === "ISSUED" && row.source !== "UPLOADED" && (
            <DropdownMenuItem onSelect={() => setDialog("reissue")} data-testid="row-reissue">
              <KeyRoundIcon aria-hidden />
              {tc("reissue.open")}
            </DropdownMenuItem>
          )}
          {row.status === "ISSUED" && row.source !== "UPLOADED" && (
            <DropdownMenuItem onSelect={() => setDialog("revoke")} data-testid="row-revoke">
              <BanIcon aria-hidden />
              {tc("revoke.open")}
            </DropdownMenuItem>
          )}
          <DropdownMenuItem className="text-destructive" onSelect={() => setDialog("delete")} data-testid="row-delete">
            <Trash2Icon aria-hidden />
            {tc("delete.open")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {dialog === "reissue" && (
        <OpenReissueCertificateDialog
          certificateId={row.id}
          domain={row.domain}
          covered={[]}
          fileAllowed={row.domainType !== "WILDCARD" && !row.domain.startsWith("*.")}
          open
          onOpenChange={(open) => !open && setDialog(null)}
        />
      )}
      {dialog === "revoke" && (
        <OpenRevokeCertificateDialog
          certificateId={row.id}
          domain={row.domain}
          open
          onOpenChange={(open) => !open && setDialog(null)}
        />
      )}
      {dialog === "delete" && (
        <OpenDeleteCertificateDialog
          certificateId={row.id}
          domain={row.domain}
          open
          onOpenChange={(open) => !open && setDialog(null)}
        />
      )}
      {(dialog === "update" || dialog === "deploy") && (
        <UpdateResourcesDialog
          certificateId={row.id}
          domain={row.domain}
          predecessorId={updateFrom}
          mode={dialog}
          open
          onOpenChange={(open) => !open && setDialog(null)}
        />
      )}
      {passwordDialog}
    </>
  );
}
