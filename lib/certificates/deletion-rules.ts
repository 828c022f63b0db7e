// Which certificates the owner may delete, pure: the console's buttons and
// delete-certificate.ts ask the same function.
import { isOrganizationReviewStatus } from "@/lib/organization-review/organization-review-rules";
import type { DisplayStatus } from "@/lib/renewal/auto-renew-rules";

/** Waiting for issuance (or, OV/EV, for the organisation review before it), a certificate's order is canceled instead of the certificate deleted. */
export function waitsForIssuance(status: DisplayStatus): boolean {
  return status === "PENDING_VALIDATION" || status === "DNS_RECORD_ADDED" || isOrganizationReviewStatus(status);
}
