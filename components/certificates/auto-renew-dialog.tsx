"use client";

import { lazy, type ReactElement } from "react";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadDialog = () => import("@/components/certificates/auto-renew-dialog-open");
const OpenAutoRenewDialog = lazy(() => loadDialog().then((module) => ({ default: module.OpenAutoRenewDialog })));

/** The Activate Auto-Renewal dialog behind `children` (its trigger); its code loads on first press. */
export function AutoRenewDialog({
  certificateId,
  domain,
  children,
}: {
  certificateId: string;
  domain: string;
  children: ReactElement;
}) {
  return (
    <DeferredOverlay load={loadDialog} trigger={children}>
      <OpenAutoRenewDialog certificateId={certificateId} domain={domain}>
        {children}
      </OpenAutoRenewDialog>
    </DeferredOverlay>
  );
}
