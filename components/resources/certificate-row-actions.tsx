"use client";

import { MoreHorizontalIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { waitsForIssuance } from "@/lib/certificates/deletion-rules";
import type { CertificateRow } from "@/lib/certificates/list-certificates";

const loadMenu = () => import("@/components/resources/certificate-row-menu");
const CertificateRowMenu = lazy(() => loadMenu().then((module) => ({ default: module.CertificateRowMenu })));

/**
 * A row's "Update to cloud resources" prompt and its actions menu. The buttons render at
 * once; the menu, dialogs and downloads load when one is first pressed (pointing at or
 * focusing a button fetches them), so the list's first load stays small.
 */
export function CertificateRowActions({ row }: { row: CertificateRow }) {
  const t = useTranslations("resources");
  const [opened, setOpened] = useState<"menu" | "update" | null>(null);
  // Waiting for issuance a row has no menu: its order is canceled on the certificate page.
  if (waitsForIssuance(row.status)) return null;
  const label = row.alias ? `${row.domain} (${row.alias})` : row.domain;
  const preload = () => void loadMenu();
  const buttons = (
    <>
      {row.resourceUpdateFromId && (
        <Button
          variant="link"
          size="sm"
          className="px-1"
          onPointerEnter={preload}
          onFocus={preload}
          onClick={() => setOpened("update")}
          aria-label={`${t("prompt.action")}: ${label}`}
          data-testid="row-update-resources"
        >
          {t("prompt.action")}
        </Button>
      )}
      <Button
        variant="ghost"
        size="icon"
        className="size-8"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setOpened("menu")}
        aria-label={t("rowMenu", { certificate: label })}
        data-testid="row-more-actions"
      >
        <MoreHorizontalIcon aria-hidden />
      </Button>
    </>
  );
  if (!opened) return buttons;
  return (
    <Suspense fallback={buttons}>
      <CertificateRowMenu row={row} opened={opened} />
    </Suspense>
  );
}
