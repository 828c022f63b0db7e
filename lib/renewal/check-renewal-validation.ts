import "server-only";
import { db } from "@/lib/db/client";
import { checkValidationRecord } from "@/lib/dns/check-validation-record";
import { DnsLookupError } from "@/lib/dns/lookup-txt";

export type ValidationCheck =
  | { outcome: "validated" }
  | { outcome: "not-found"; values: string[] }
  | { outcome: "lookup-failed"; reason: string; message: string }
  | { outcome: "not-pending" };

type Pending = {
  id: string;
  ownerId: string;
  validationRecordName: string | null;
  validationRecordValue: string | null;
  validationDeadline: Date | null;
};

/**
 * Looks for one pending certificate's validation record (our zone data for hosted
 * domains, a real DNS lookup otherwise) and records the result. Validation only
 * counts before the deadline.
 */
export async function checkRenewalValidation(
  certificate: Pending,
  now: Date,
  options: { resolver?: string } = {},
): Promise<ValidationCheck> {
  const { validationRecordName: name, validationRecordValue: value, validationDeadline: deadline } = certificate;
  if (!name || !value || !deadline || deadline.getTime() <= now.getTime()) return { outcome: "not-pending" };
  try {
    const check = await checkValidationRecord({
      name,
      value,
      ownerId: certificate.ownerId,
      resolver: options.resolver,
      timeoutMs: 5_000,
    });
    if (check.found) {
      await db.certificate.updateMany({
        where: { id: certificate.id, validatedAt: null, status: { in: ["PENDING_VALIDATION", "DNS_RECORD_ADDED"] } },
        data: { validatedAt: now, validationCheckedAt: now, status: "DNS_RECORD_ADDED" },
      });
      return { outcome: "validated" };
    }
    await db.certificate.update({ where: { id: certificate.id }, data: { validationCheckedAt: now } });
    return { outcome: "not-found", values: check.values };
  } catch (error) {
    if (error instanceof DnsLookupError)
      return { outcome: "lookup-failed", reason: error.code, message: error.message };
    throw error;
  }
}
