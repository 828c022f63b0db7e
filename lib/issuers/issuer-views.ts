// What the admin Issuers page shows of an issuer: never a key, only whether one is stored.
import type { AcmeFailureReason } from "@/lib/acme/acme-types";

export type IssuerView = {
  id: string;
  name: string;
  directoryUrl: string;
  eabKeyId: string | null;
  /** An EAB HMAC key is stored (it is never shown again). */
  hasEabHmacKey: boolean;
  contactEmail: string | null;
  termsAccepted: boolean;
  termsOfServiceUrl: string | null;
  hasCaBundle: boolean;
  /** CertDesk's account at the CA, once a test connection registered it. */
  accountUrl: string | null;
  lastTest: {
    at: string;
    ok: boolean;
    step: "directory" | "account" | null;
    reason: AcmeFailureReason | null;
    detail: string | null;
  } | null;
  /** Products (price rows) it issues for. */
  productCount: number;
};

export const ISSUER_VIEW_SELECT = {
  id: true,
  name: true,
  directoryUrl: true,
  eabKeyId: true,
  eabHmacKeyEncrypted: true,
  contactEmail: true,
  termsAccepted: true,
  termsOfServiceUrl: true,
  caBundlePem: true,
  accountUrl: true,
  lastTestedAt: true,
  lastTestStep: true,
  lastTestReason: true,
  lastTestDetail: true,
  _count: { select: { prices: true } },
} as const;

export function toIssuerView(row: {
  id: string;
  name: string;
  directoryUrl: string;
  eabKeyId: string | null;
  eabHmacKeyEncrypted: string | null;
  contactEmail: string | null;
  termsAccepted: boolean;
  termsOfServiceUrl: string | null;
  caBundlePem: string | null;
  accountUrl: string | null;
  lastTestedAt: Date | null;
  lastTestStep: string | null;
  lastTestReason: string | null;
  lastTestDetail: string | null;
  _count: { prices: number };
}): IssuerView {
  return {
    id: row.id,
    name: row.name,
    directoryUrl: row.directoryUrl,
    eabKeyId: row.eabKeyId,
    hasEabHmacKey: row.eabHmacKeyEncrypted !== null,
    contactEmail: row.contactEmail,
    termsAccepted: row.termsAccepted,
    termsOfServiceUrl: row.termsOfServiceUrl,
    hasCaBundle: row.caBundlePem !== null,
    accountUrl: row.accountUrl,
    lastTest: row.lastTestedAt
      ? {
          at: row.lastTestedAt.toISOString(),
          ok: row.lastTestReason === null,
          step: row.lastTestStep === "directory" || row.lastTestStep === "account" ? row.lastTestStep : null,
          reason: row.lastTestReason as AcmeFailureReason | null,
          detail: row.lastTestDetail,
        }
      : null,
    productCount: row._count.prices,
  };
}
