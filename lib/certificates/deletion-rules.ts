// Which certificates the owner may delete, pure: the console's buttons and
// delete-certificate.ts ask the same function.
import type { DisplayStatus } from "@/lib/renewal/auto-renew-rules";

/** Waiting for issuance, a certificate's order is canceled instead of the certificate deleted. */
export function waitsForIssuance(status: DisplayStatus): boolean {
  return status === "PENDING_VALIDATION" || status === "DNS_RECORD_ADDED";
}
