"use client";

import { type ComponentProps, lazy, type ReactElement } from "react";
import type { UpdateResourcesDialog as FullDialog } from "@/components/resources/update-resources-dialog";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadDialog = () => import("@/components/resources/update-resources-dialog");
const UpdateResourcesDialog = lazy(() => loadDialog().then((module) => ({ default: module.UpdateResourcesDialog })));

type Props = Pick<
  ComponentProps<typeof FullDialog>,
  "certificateId" | "domain" | "predecessorId" | "mode" | "onOpenChange"
> & {
  children: ReactElement;
};

/**
 * The "Update to cloud resources" / "Deploy to cloud resources" dialog behind `children`
 * (its trigger) on the certificate page; the dialog's code loads on the trigger's first press.
 */
export function DeferredUpdateResourcesDialog({ children, ...body }: Props) {
  return (
    <DeferredOverlay load={loadDialog} trigger={children}>
      <UpdateResourcesDialog {...body} defaultOpen>
        {children}
      </UpdateResourcesDialog>
    </DeferredOverlay>
  );
}
