// An Issuer row as the ACME module takes it: the CA settings with the EAB key opened,
// and CertDesk's account there when one is stored. One place, for "Test connection" and
// for issuance.
import "server-only";
import type { AcmeCaSettings } from "@/lib/acme/acme-types";
import { openIssuerSecret } from "@/lib/issuers/issuer-secrets";

export type IssuerWithSecrets = {
  id: string;
  directoryUrl: string;
  eabKeyId: string | null;
  eabHmacKeyEncrypted: string | null;
  contactEmail: string | null;
  termsAccepted: boolean;
  caBundlePem: string | null;
  accountKeyEncrypted: string | null;
  accountUrl: string | null;
};

export function issuerCaSettings(issuer: IssuerWithSecrets, requestTimeoutMs = 15_000): AcmeCaSettings {
  return {
    directoryUrl: issuer.directoryUrl,
    externalAccountBinding:
      issuer.eabKeyId && issuer.eabHmacKeyEncrypted
        ? { keyId: issuer.eabKeyId, hmacKey: openIssuerSecret(issuer.id, "eabHmacKey", issuer.eabHmacKeyEncrypted) }
        : null,
    contactEmail: issuer.contactEmail,
    termsOfServiceAgreed: issuer.termsAccepted,
    caBundlePem: issuer.caBundlePem,
    requestTimeoutMs,
  };
}

/** The stored account key (PKCS#8 PEM), or undefined before the first registration. */
export function issuerAccountKey(issuer: IssuerWithSecrets): string | undefined {
  return issuer.accountKeyEncrypted ? openIssuerSecret(issuer.id, "accountKey", issuer.accountKeyEncrypted) : undefined;
}
