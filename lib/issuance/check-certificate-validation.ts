import "server-only";
import { db } from "@/lib/db/client";
import { checkValidationRecord } from "@/lib/dns/check-validation-record";
import { DnsLookupError } from "@/lib/dns/lookup-txt";
import type { ValidationMethod } from "@/lib/generated/prisma/enums";
import { isPendingStatus } from "@/lib/issuance/pending-statuses";
import { checkFileValidation, type FileCheck, type FileCheckOptions } from "@/lib/validation/check-file-validation";
import { listValidationTargets, type ValidationTarget } from "@/lib/validation/list-validation-targets";

/** What the check found at one record or file. */
export type TargetCheck =
  | {
      kind: "DNS";
      name: string;
      found: boolean;
      values: string[];
      /** The DnsLookupError code when the lookup got no answer, and its message. */
      lookupFailed?: string;
      lookupDetail?: string;
    }
  | { kind: "FILE"; host: string; found: boolean; file: FileCheck };

export type ValidationCheck =
  | { outcome: "validated"; targets: TargetCheck[] }
  | { outcome: "not-found"; values: string[]; targets: TargetCheck[] }
  | { outcome: "lookup-failed"; reason: string; targets: TargetCheck[] }
  | { outcome: "not-pending" };

export type PendingCertificate = {
  id: string;
  ownerId: string;
  status: string;
  domain: string;
  sans: string[];
  validationMethod: ValidationMethod | null;
  validationRecordValue: string | null;
  validationDeadline: Date | null;
  /** Set: an ACME issuer's certificate, which its CA validates (advanceAcmeCertificate), not this check. */
  issuerId?: string | null;
};

/** The columns checkCertificateValidation needs, for the callers' selects. */
export const PENDING_CERTIFICATE_SELECT = {
  id: true,
  ownerId: true,
  status: true,
  domain: true,
  sans: true,
  validationMethod: true,
  validationRecordValue: true,
  validationDeadline: true,
  issuerId: true,
} as const;

// A few lookups or requests at a time: a multi-domain certificate may need many.
const TARGET_CONCURRENCY = 4;

export type ValidationCheckOptions = { resolver?: string; file?: FileCheckOptions };

/**
 * Checks every record or file a pending certificate needs (listValidationTargets: the one
 * rule the console shows), new purchases and renewals alike: TXT records from our zone data
 * for hosted domains and by DNS lookup otherwise, files by HTTP. All found before the
 * deadline → validated, recorded; the next job run (or the caller) issues it.
 */
export async function checkCertificateValidation(
  certificate: PendingCertificate,
  now: Date,
  options: ValidationCheckOptions = {},
): Promise<ValidationCheck> {
  const { validationRecordValue: token, validationDeadline: deadline } = certificate;
  if (
    !token ||
    !deadline ||
    deadline.getTime() <= now.getTime() ||
    !isPendingStatus(certificate.status) ||
    certificate.issuerId
  ) {
    return { outcome: "not-pending" };
  }
  const targets = listValidationTargets({
    method: certificate.validationMethod ?? "DNS",
    domain: certificate.domain,
    sans: certificate.sans,
    token,
  });
  if (targets.length === 0) return { outcome: "not-pending" };
  const checks: TargetCheck[] = [];
  for (let start = 0; start < targets.length; start += TARGET_CONCURRENCY) {
    const batch = targets.slice(start, start + TARGET_CONCURRENCY);
    checks.push(...(await Promise.all(batch.map((target) => checkTarget(target, certificate.ownerId, options)))));
  }

  if (checks.every((check) => check.found)) {
    await db.certificate.updateMany({
      where: { id: certificate.id, validatedAt: null, status: { in: ["PENDING_VALIDATION", "DNS_RECORD_ADDED"] } },
      data: { validatedAt: now, validationCheckedAt: now, status: "DNS_RECORD_ADDED" },
    });
    return { outcome: "validated", targets: checks };
  }
  await db.certificate.update({ where: { id: certificate.id }, data: { validationCheckedAt: now } });
  const failedLookup = checks.find((check) => check.kind === "DNS" && check.lookupFailed);
  const missing = checks.find((check) => !check.found && !(check.kind === "DNS" && check.lookupFailed));
  if (failedLookup?.kind === "DNS" && !missing) {
    return { outcome: "lookup-failed", reason: failedLookup.lookupFailed ?? "LOOKUP_FAILED", targets: checks };
  }
  return { outcome: "not-found", values: missing?.kind === "DNS" ? missing.values : [], targets: checks };
}

async function checkTarget(
  target: ValidationTarget,
  ownerId: string,
  options: ValidationCheckOptions,
): Promise<TargetCheck> {
  if (target.kind === "FILE") {
    const file = await checkFileValidation({ host: target.host, content: target.content }, options.file);
    return { kind: "FILE", host: target.host, found: file.outcome === "found", file };
  }
  try {
    const check = await checkValidationRecord({
      name: target.name,
      value: target.value,
      ownerId,
      resolver: options.resolver,
      timeoutMs: 5_000,
    });
    return { kind: "DNS", name: target.name, found: check.found, values: check.values };
  } catch (error) {
    if (error instanceof DnsLookupError)
      return {
        kind: "DNS",
        name: target.name,
        found: false,
        values: [],
        lookupFailed: error.code,
        lookupDetail: error.message,
      };
    throw error;
  }
}
