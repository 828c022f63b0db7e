// Every action the API answers, by name. Adding one is one file in actions/ and one line here.
import { applyCertificate } from "@/lib/tencent-api/actions/apply-certificate";
import { certDeskModifyAutoRenew } from "@/lib/tencent-api/actions/certdesk-modify-auto-renew";
import { certificateInfoSubmit } from "@/lib/tencent-api/actions/certificate-info-submit";
import { certificateOrderSubmit } from "@/lib/tencent-api/actions/certificate-order-submit";
import { checkCertificateDomainVerification } from "@/lib/tencent-api/actions/check-certificate-domain-verification";
import { completeCertificate } from "@/lib/tencent-api/actions/complete-certificate";
import { createCertificate } from "@/lib/tencent-api/actions/create-certificate";
import { deleteCertificate } from "@/lib/tencent-api/actions/delete-certificate";
import { describeCertificate } from "@/lib/tencent-api/actions/describe-certificate";
import { describeCertificateDetail } from "@/lib/tencent-api/actions/describe-certificate-detail";
import { describeCertificates } from "@/lib/tencent-api/actions/describe-certificates";
import { downloadCertificate } from "@/lib/tencent-api/actions/download-certificate";
import { modifyCertificateAlias } from "@/lib/tencent-api/actions/modify-certificate-alias";
import { modifyCertificatesExpiringNotificationSwitch } from "@/lib/tencent-api/actions/modify-certificates-expiring-notification-switch";
import { replaceCertificate } from "@/lib/tencent-api/actions/replace-certificate";
import { uploadCertificate } from "@/lib/tencent-api/actions/upload-certificate";
import type { Tc3Action } from "@/lib/tencent-api/tc3-action";

const ACTIONS: readonly Tc3Action[] = [
  describeCertificates,
  describeCertificateDetail,
  describeCertificate,
  downloadCertificate,
  uploadCertificate,
  deleteCertificate,
  modifyCertificateAlias,
  modifyCertificatesExpiringNotificationSwitch,
  certDeskModifyAutoRenew,
  applyCertificate,
  checkCertificateDomainVerification,
  completeCertificate,
  createCertificate,
  certificateInfoSubmit,
  certificateOrderSubmit,
  replaceCertificate,
];

export const TC3_ACTIONS: Readonly<Record<string, Tc3Action>> = Object.fromEntries(
  ACTIONS.map((action) => [action.name, action]),
);
