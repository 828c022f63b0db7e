// The records (or files) one pending certificate needs, whoever validates it: the
// built-in path's `_dnsauth` records or files (listValidationTargets), or for an ACME
// issuer's certificate its CA's DNS-01 `_acme-challenge` records from the stored order
// (none until the job has made it). The certificate page and the "validation needed"
// notices both read it, so they never show different records. Pure and client-safe.
import type { AcmeOrderState } from "@/lib/acme/acme-types";
import { VALIDATION_RECORD_TTL, VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";
import type { ValidationMethod } from "@/lib/generated/prisma/enums";
import { acmeOrderRecords } from "@/lib/issuance/next-acme-step";
import { listValidationTargets, type ValidationTarget } from "@/lib/validation/list-validation-targets";

export type CertificateValidationFacts = {
  domain: string;
  sans: readonly string[];
  validationMethod: ValidationMethod | null;
  validationRecordValue: string | null;
  issuerId: string | null;
  acmeOrder: unknown;
};

export function listCertificateValidationTargets(certificate: CertificateValidationFacts): ValidationTarget[] {
  if (certificate.issuerId) return acmeValidationTargets(certificate.acmeOrder as AcmeOrderState | null);
  if (!certificate.validationRecordValue) return [];
  return listValidationTargets({
    method: certificate.validationMethod ?? "DNS",
    domain: certificate.domain,
    sans: certificate.sans,
    token: certificate.validationRecordValue,
  });
}

function acmeValidationTargets(order: AcmeOrderState | null): ValidationTarget[] {
  if (!order) return [];
  return acmeOrderRecords(order).map((record) => ({
    kind: "DNS",
    name: record.name,
    type: VALIDATION_RECORD_TYPE,
    ttl: VALIDATION_RECORD_TTL,
    value: record.value,
    covers: order.authorizations
      .filter((authorization) => authorization.dns01?.record.value === record.value)
      .map((authorization) => authorization.domain),
  }));
}

/** A notice's record params: every name once, and every value, as the page lists them. */
export function validationNoticeRecords(targets: readonly ValidationTarget[]): {
  recordNames: string;
  recordValue: string;
} {
  const dns = targets.filter((target) => target.kind === "DNS");
  return {
    recordNames: [...new Set(dns.map((target) => target.name))].join(", "),
    recordValue: [...new Set(dns.map((target) => target.value))].join(", "),
  };
}
