"use client";

import { lazy, type ReactElement } from "react";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadDialog = () => import("@/components/certificates/manual-renew-dialog-open");
const OpenManualRenewDialog = lazy(() => loadDialog().then((module) => ({ default: module.OpenManualRenewDialog })));

/** The manual renewal dialog behind `children` (its trigger); its code loads on first press. */
export function ManualRenewDialog({
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
      <OpenManualRenewDialog certificateId={certificateId} domain={domain}>
        {children}
      </OpenManualRenewDialog>
    </DeferredOverlay>
  );
}
