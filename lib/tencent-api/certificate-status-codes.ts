// The original's certificate status numbers (docs/status-codes.md), for the API's `Status`
// and the `CertificateStatus` filter. Numbers CertDesk has no status for (5, 6, 9, 12, 13,
// 15) are valid filter values that match nothing; 11 (reissuing) is derived, not stored
// (REISSUING_STATUS_CODE). Pure.
import type { DisplayStatus } from "@/lib/renewal/auto-renew-rules";

export const STATUS_CODE_OF: Record<DisplayStatus, number> = {
  PENDING_VALIDATION: 0,
  ISSUED: 1,
  VALIDATION_FAILED: 2,
  EXPIRED: 3,
  DNS_RECORD_ADDED: 4,
  CANCELED: 7,
  REVOKED: 10,
  REFUNDED: 14,
  // OV/EV before domain validation: the original's numbers for the same steps.
  PENDING_LETTER_UPLOAD: 8,
  ORGANIZATION_REVIEW: 0,
  ORGANIZATION_REJECTED: 2,
};

/**
 * "Reissuing": an issued certificate whose reissue waits for validation. It stays issued
 * (downloadable, deployable) until the reissue is issued, so it is no stored status.
 */
export const REISSUING_STATUS_CODE = 11;

/** The status number the API writes: 11 while an issued certificate is being reissued. */
export function apiStatusCode(status: DisplayStatus, reissuing: boolean): number {
  return reissuing && status === "ISSUED" ? REISSUING_STATUS_CODE : STATUS_CODE_OF[status];
}

/** The largest number the original uses (15, migrating). */
export const MAX_STATUS_CODE = 15;

/** The statuses a list of the original's numbers asks for (unknown numbers ask for none). */
export function statusesForCodes(codes: readonly number[]): DisplayStatus[] {
  const wanted = new Set(codes);
  return (Object.keys(STATUS_CODE_OF) as DisplayStatus[]).filter((status) => wanted.has(STATUS_CODE_OF[status]));
}

/** Part of a list filter (CertificateFilter's statuses, or its reissuing filter). */
export type StatusFilterPart = { statuses?: DisplayStatus[]; reissuing?: true };

/**
 * What a CertificateStatus list (and Deployable: issued only) asks for, as parts any of which
 * a certificate may match: the statuses its numbers stand for, and for 11 the console's
 * "Reissuing" filter. Issued certificates include those being reissued (as the console's
 * "Issued" filter does), so with 1 asked for, 11 adds nothing. No part: nothing matches.
 */
export function statusFilterParts(codes: readonly number[] | undefined, deployableOnly: boolean): StatusFilterPart[] {
  const asked = codes?.length ? codes : undefined;
  const statuses = asked ? statusesForCodes(asked) : undefined;
  const parts: StatusFilterPart[] = [
    { statuses: deployableOnly ? (statuses ?? ["ISSUED"]).filter((status) => status === "ISSUED") : statuses },
  ];
  // Reissuing certificates are issued and unexpired, so deployable.
  if (asked?.includes(REISSUING_STATUS_CODE) && !parts[0]?.statuses?.includes("ISSUED")) {
    parts.push({ reissuing: true });
  }
  return parts.filter((part) => part.statuses === undefined || part.statuses.length > 0);
}
