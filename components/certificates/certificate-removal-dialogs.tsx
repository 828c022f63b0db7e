"use client";

import { lazy, type ReactElement } from "react";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";

const loadRevoke = () => import("@/components/certificates/revoke-certificate-dialog-open");
const OpenRevokeCertificateDialog = lazy(() =>
  loadRevoke().then((module) => ({ default: module.OpenRevokeCertificateDialog })),
);
const loadDelete = () => import("@/components/certificates/delete-certificate-dialog-open");
const OpenDeleteCertificateDialog = lazy(() =>
  loadDelete().then((module) => ({ default: module.OpenDeleteCertificateDialog })),
);

/** The revoke dialog behind `children` (its trigger); its code loads on first press. */
export function RevokeCertificateDialog(props: { certificateId: string; domain: string; children: ReactElement }) {
  return (
    <DeferredOverlay load={loadRevoke} trigger={props.children}>
      <OpenRevokeCertificateDialog certificateId={props.certificateId} domain={props.domain} trigger={props.children} />
    </DeferredOverlay>
  );
}

/** The delete dialog behind `children` (its trigger); its code loads on first press. */
export function DeleteCertificateDialog(props: {
  certificateId: string;
  domain: string;
  afterDelete?: string;
  children: ReactElement;
}) {
  return (
    <DeferredOverlay load={loadDelete} trigger={props.children}>
      <OpenDeleteCertificateDialog
        certificateId={props.certificateId}
        domain={props.domain}
        afterDelete={props.afterDelete}
        trigger={props.children}
      />
    </DeferredOverlay>
  );
}
