// Which of the owner's certificates may be reissued, and what the reissue is valid for,
// pure: the console's menu and dialog, the server action and reissue-certificate.ts ask the
// same functions.
import type { CertificateSource, CertificateStatus } from "@/lib/generated/prisma/enums";

export type ReissueFacts = {
  source: CertificateSource;
  status: CertificateStatus;
  expiresAt: Date | null;
  /** A renewal has been paid for this certificate and is not issued yet. */
  renewalPending: boolean;
  /** A reissue of this certificate waits for validation or issuance. */
  reissuePending: boolean;
};

export type ReissueRefusal = "UPLOADED" | "REVOKED" | "NOT_ISSUED" | "EXPIRED" | "RENEWAL_PENDING" | "REISSUE_PENDING";

/**
 * Null when the certificate can be reissued: one a CA of CertDesk's issued (an uploaded
 * one's CA is not ours to ask), issued and not expired (the reissue keeps its expiry, so an
 * expired one has nothing left to give), no renewal in flight (the renewal would replace
 * the certificate the reissue revokes) and no other reissue in flight.
 */
export function reissueRefusal(facts: ReissueFacts, now: Date): ReissueRefusal | null {
  if (facts.source === "UPLOADED") return "UPLOADED";
  if (facts.status === "REVOKED") return "REVOKED";
  if (facts.status !== "ISSUED" || !facts.expiresAt) return "NOT_ISSUED";
  if (facts.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (facts.renewalPending) return "RENEWAL_PENDING";
  if (facts.reissuePending) return "REISSUE_PENDING";
  return null;
}

/**
 * The reissued certificate ends when the one it replaces ends: a reissue changes the key,
 * not the term paid for. Null once that moment has passed: nothing is left to issue.
 */
export function reissuedCertificateExpiry(replacedExpiresAt: Date | null, now: Date): Date | null {
  if (!replacedExpiresAt || replacedExpiresAt.getTime() <= now.getTime()) return null;
  return new Date(replacedExpiresAt.getTime());
}
