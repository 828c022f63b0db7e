"use client";

import { lazy, type ReactElement } from "react";
import type { ReissueDialogProps } from "@/components/certificates/reissue-certificate-dialog-open";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadReissue = () => import("@/components/certificates/reissue-certificate-dialog-open");
const OpenReissueCertificateDialog = lazy(() =>
  loadReissue().then((module) => ({ default: module.OpenReissueCertificateDialog })),
);

/** The reissue dialog behind `children` (its trigger); its code loads on first press. */
export function ReissueCertificateDialog(props: ReissueDialogProps & { children: ReactElement }) {
  const { children, ...dialog } = props;
  return (
    <DeferredOverlay load={loadReissue} trigger={children}>
      <OpenReissueCertificateDialog {...dialog} trigger={children} />
    </DeferredOverlay>
  );
}
