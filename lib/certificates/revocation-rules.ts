// Which of the owner's certificates may be revoked, pure: the console's menu and dialog and
// revoke-certificate.ts ask the same function.
import type { CertificateSource, CertificateStatus } from "@/lib/generated/prisma/enums";

export const REVOCATION_REASONS = [
  "UNSPECIFIED",
  "KEY_COMPROMISE",
  "AFFILIATION_CHANGED",
  "SUPERSEDED",
  "CESSATION_OF_OPERATION",
] as const;
export type RevocationReasonChoice = (typeof REVOCATION_REASONS)[number];

export type RevocationFacts = {
  source: CertificateSource;
  status: CertificateStatus;
  expiresAt: Date | null;
  /** A renewal has been paid for this certificate and is not issued yet. */
  renewalPending: boolean;
};

export type RevocationRefusal = "UPLOADED" | "NOT_ISSUED" | "EXPIRED" | "RENEWAL_PENDING";

/**
 * Null when the certificate can be revoked: one CertDesk issued (an uploaded one was issued
 * by someone else, who alone can revoke it), issued and not yet expired (an expired one is
 * already no longer trusted), and no paid renewal in flight (its fee would be spent on a
 * certificate the customer has just said must not exist).
 */
export function revocationRefusal(facts: RevocationFacts, now: Date): RevocationRefusal | null {
  if (facts.source === "UPLOADED") return "UPLOADED";
  if (facts.status !== "ISSUED" || !facts.expiresAt) return "NOT_ISSUED";
  if (facts.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (facts.renewalPending) return "RENEWAL_PENDING";
  return null;
}
