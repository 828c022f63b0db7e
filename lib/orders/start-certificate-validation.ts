import "server-only";
import type { DbTransaction } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { addHostedValidationRecord } from "@/lib/dns/add-hosted-validation-record";
import { findHostedZoneForName } from "@/lib/dns/find-hosted-zone-for-name";
import { createValidationRecord } from "@/lib/dns/validation-record";
import type { ValidationMethod } from "@/lib/generated/prisma/enums";
import { checkCertificateValidation, PENDING_CERTIFICATE_SELECT } from "@/lib/issuance/check-certificate-validation";
import { issuePendingCertificate } from "@/lib/issuance/issue-pending-certificate";
import { logger } from "@/lib/logger";
import { validationDeadline } from "@/lib/renewal/auto-renew-rules";
import { dnsValidationTargets, fileValidationTargets } from "@/lib/validation/list-validation-targets";

export type ValidationPlan = {
  /** Every name is in the owner's hosted zones (and the built-in CA issues): validated without the customer. */
  automatic: boolean;
  acme: boolean;
  method: ValidationMethod;
  token: string;
  records: ReturnType<typeof dnsValidationTargets>;
  hosted: boolean[];
  files: ReturnType<typeof fileValidationTargets>;
  deadline: Date;
  /** The certificate's columns that put it into domain validation. */
  fields: {
    status: "DNS_RECORD_ADDED" | "PENDING_VALIDATION";
    validationMethod: ValidationMethod;
    validationRecordName: string | null;
    validationRecordValue: string;
    validationDeadline: Date;
  };
};

/**
 * How a paid order's certificate is validated, decided when its domain validation starts:
 * at the order for DV, at the organisation's approval for OV/EV. The token, the records
 * and the 7-day deadline count from `now`.
 */
export async function planCertificateValidation(
  tx: DbTransaction,
  input: {
    ownerId: string;
    boundNames: readonly string[];
    covered: readonly string[];
    acme: boolean;
    /** The customer's choice, where not every name is hosted with us. */
    chosenMethod: "DNS" | "FILE";
    now: Date;
  },
): Promise<ValidationPlan> {
  const { ownerId, acme } = input;
  const token = createValidationRecord(input.boundNames[0] ?? "").value;
  const records = dnsValidationTargets([...input.covered], token);
  const hosted = await Promise.all(
    records.map((record) => findHostedZoneForName({ name: record.name, ownerId }, tx).then(Boolean)),
  );
  // A product of an ACME issuer is validated by its CA over DNS-01: the job creates the
  // order at the CA and writes (hosted) or shows (third-party) its _acme-challenge records
  // (lib/issuance/advance-acme-certificate.ts), so no _dnsauth record is made here.
  const automatic = !acme && hosted.every(Boolean);
  const method: ValidationMethod = acme
    ? hosted.every(Boolean)
      ? "DNS_AUTO"
      : "DNS"
    : automatic
      ? "DNS_AUTO"
      : input.chosenMethod;
  const files = method === "FILE" ? fileValidationTargets([...input.covered], token) : [];
  const deadline = validationDeadline(input.now);
  return {
    automatic,
    acme,
    method,
    token,
    records,
    hosted,
    files,
    deadline,
    fields: {
      status: automatic ? "DNS_RECORD_ADDED" : "PENDING_VALIDATION",
      validationMethod: method,
      validationRecordName: method === "FILE" ? (files[0]?.url ?? null) : (records[0]?.name ?? null),
      validationRecordValue: token,
      validationDeadline: deadline,
    },
  };
}

/**
 * What starting validation writes besides the certificate's columns, in the caller's
 * transaction once the certificate row exists: the records in the owner's hosted zones
 * (even when others must be added by hand) and, when the customer has something to do,
 * the notification saying what (an order's: it speaks of the order's fee, so a reissue,
 * whose dialog opens the new certificate's page with the records, asks for none).
 */
export async function writeValidationStart(
  tx: DbTransaction,
  plan: ValidationPlan,
  input: { ownerId: string; certificateId: string; domain: string; now: Date; notify?: boolean },
): Promise<void> {
  const { ownerId, certificateId, now } = input;
  for (const [index, record] of plan.records.entries()) {
    // Linked to the certificate: the record goes from the DNS server once it is validated or has ended.
    if (plan.hosted[index] && !plan.acme) {
      await addHostedValidationRecord({ ownerId, name: record.name, value: record.value, certificateId, now }, tx);
    }
  }
  if (plan.automatic || plan.acme || input.notify === false) return;
  await tx.notification.createMany({
    data: [
      {
        ownerId,
        kind: "ORDER_VALIDATION_NEEDED",
        certificateId,
        dedupeKey: `order-validation:${certificateId}`,
        params: {
          domain: input.domain,
          certificateId,
          method: plan.method,
          recordNames: plan.records.map((record) => record.name).join(", "),
          recordValue: plan.token,
          fileUrls: plan.files.map((file) => file.url).join(", "),
          deadline: plan.deadline.toISOString(),
        },
        emailStatus: "PENDING",
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
}

/**
 * After the transaction: a certificate whose names are all hosted with us is validated and
 * issued at once when possible. Best effort: the job finishes it on its next run if not.
 */
export async function issueHostedCertificateAtOnce(certificateId: string, now: Date): Promise<boolean> {
  try {
    const certificate = await db.certificate.findUniqueOrThrow({
      where: { id: certificateId },
      select: PENDING_CERTIFICATE_SELECT,
    });
    if ((await checkCertificateValidation(certificate, now)).outcome === "validated") {
      return (await issuePendingCertificate(certificate.id, now)) === "issued";
    }
  } catch (error) {
    logger.error({ err: error, certificateId }, "issuing a hosted certificate at once failed");
  }
  return false;
}
