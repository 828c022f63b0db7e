import type { CertificateStatus } from "@/lib/generated/prisma/enums";

/** A certificate (new or a renewal) waiting for domain validation and issuance. */
export const PENDING_STATUSES = ["PENDING_VALIDATION", "DNS_RECORD_ADDED"] as const satisfies CertificateStatus[];

export function isPendingStatus(status: string): status is (typeof PENDING_STATUSES)[number] {
  return (PENDING_STATUSES as readonly string[]).includes(status);
}
