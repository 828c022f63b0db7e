import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateKeyPair, privateKeyToPem } from "@/lib/ca/key-pairs";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import type { ReissueCertificateInput, ReissueProblem } from "@/lib/certificates/reissue-certificate-input";
import { type ReissueRefusal, reissueRefusal } from "@/lib/certificates/reissue-rules";
import { getConfig } from "@/lib/config";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { csrNameProblem, parseCertificateRequest } from "@/lib/csr/parse-certificate-request";
import { type DbTransaction, db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";
import { newCertificateId } from "@/lib/ids";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import {
  issueHostedCertificateAtOnce,
  planCertificateValidation,
  writeValidationStart,
} from "@/lib/orders/start-certificate-validation";
import { lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";
import { PAID_RENEWAL_STATUSES, RENEWING_ORDER_STATUSES } from "@/lib/renewal/renewal-under-way";
import { certificateNames, fileValidationAllowed } from "@/lib/validation/list-validation-targets";

export type ReissueOutcome =
  | {
      status: "requested";
      /** The new certificate, pending validation (or issued at once for a hosted domain). */
      certificateId: string;
      issued: boolean;
    }
  | { status: "rejected"; problems: ReissueProblem[] };

type KeyMaterial =
  | { source: "CSR"; keyAlgorithm: KeyAlgorithm; csrPem: string }
  | { source: "GENERATE"; keyAlgorithm: KeyAlgorithm; privateKeyPem: string };

const PENDING_REISSUE_INDEX = "Certificate_one_pending_reissue";

/** The refusal's own error: each says what to do (messages: errors.<code>). */
const REFUSAL_ERROR: Record<ReissueRefusal, ConstructorParameters<typeof AppError>[0]> = {
  UPLOADED: "CERTIFICATE_NOT_REISSUABLE_UPLOADED",
  REVOKED: "CERTIFICATE_NOT_REISSUABLE_REVOKED",
  NOT_ISSUED: "CERTIFICATE_NOT_REISSUABLE_NOT_ISSUED",
  EXPIRED: "CERTIFICATE_NOT_REISSUABLE_EXPIRED",
  RENEWAL_PENDING: "CERTIFICATE_NOT_REISSUABLE_RENEWAL_PENDING",
  REISSUE_PENDING: "CERTIFICATE_REISSUE_UNDER_WAY",
};

function loadReplaced(client: DbTransaction | typeof db, ownerId: string, certificateId: string) {
  return client.certificate.findFirst({
    where: { id: certificateId, ...ownedCertificateWhere(ownerId) },
    select: {
      id: true,
      domain: true,
      sans: true,
      brand: true,
      certificateType: true,
      domainType: true,
      source: true,
      validityYears: true,
      status: true,
      expiresAt: true,
      issuerId: true,
      autoUpdateResources: true,
      renewalOrders: { where: { status: { in: [...PAID_RENEWAL_STATUSES] } }, select: { id: true }, take: 1 },
      renewingOrders: { where: { status: { in: [...RENEWING_ORDER_STATUSES] } }, select: { id: true }, take: 1 },
      reissuedBy: { where: { status: { in: [...PENDING_STATUSES] } }, select: { id: true }, take: 1 },
    },
  });
}

type Replaced = NonNullable<Awaited<ReturnType<typeof loadReplaced>>>;

function refusalOf(certificate: Replaced, now: Date): ReissueRefusal | null {
  return reissueRefusal(
    {
      ...certificate,
      renewalPending: certificate.renewalOrders.length > 0 || certificate.renewingOrders.length > 0,
      reissuePending: certificate.reissuedBy.length > 0,
    },
    now,
  );
}

/**
 * Reissues one of the owner's issued certificates, free of charge: a new certificate for
 * the same names with a new key (generated here, or the customer's CSR, checked as an order
 * checks it), pending validation like an order (the DNS record added where every name is
 * hosted with us, 7 days to validate), issued by the same CA with the same expiry
 * (issue-pending-certificate.ts), which then revokes this one as superseded and takes over
 * its auto-renewal. Until then this certificate stays issued and usable; a reissue that
 * times out leaves it as it is. One reissue in flight per certificate: a partial unique
 * index decides, however many requests race. No money moves.
 */
export async function reissueCertificate(input: {
  ownerId: string;
  actorId: string;
  ip: string | null;
  now: Date;
  request: ReissueCertificateInput;
}): Promise<ReissueOutcome> {
  const { ownerId, now, request } = input;
  const replaced = await loadReplaced(db, ownerId, request.certificateId);
  if (!replaced) throw new AppError("NOT_FOUND");
  const refusal = refusalOf(replaced, now);
  if (refusal) throw new AppError(REFUSAL_ERROR[refusal]);

  const covered = certificateNames(replaced.domain, replaced.sans);
  const problems: ReissueProblem[] = [];
  if (request.validationMethod === "FILE" && !fileValidationAllowed(covered)) {
    problems.push({ field: "validationMethod", code: "FILE_NOT_FOR_WILDCARD", params: {} });
  }
  let key: KeyMaterial | null = null;
  if (request.key.source === "CSR") {
    const parsed = await parseCertificateRequest(request.key.csrPem);
    if (!parsed.ok) problems.push({ field: "csr", ...parsed.problem });
    else {
      const mismatch = csrNameProblem(parsed.value.names, covered);
      if (mismatch) problems.push({ field: "csr", ...mismatch });
      key = { source: "CSR", keyAlgorithm: parsed.value.keyAlgorithm, csrPem: parsed.value.csrPem };
    }
  }
  if (problems.length > 0) return { status: "rejected", problems };
  if (!key) {
    if (request.key.source !== "GENERATE") throw new Error("a CSR reissue reached key generation");
    // CPU work (RSA 4096: seconds): done before the transaction holds the certificate.
    const pair = await generateKeyPair(request.key.algorithm);
    key = { source: "GENERATE", keyAlgorithm: request.key.algorithm, privateKeyPem: privateKeyToPem(pair.privateKey) };
  }
  const material = key;

  let written: { certificateId: string; automatic: boolean };
  try {
    written = await db.$transaction((tx) => writeReissue(tx, { ...input, covered, key: material }), {
      timeout: 30_000,
      maxWait: 15_000,
    });
  } catch (error) {
    if (isPendingReissueViolation(error)) throw new AppError("CERTIFICATE_REISSUE_UNDER_WAY");
    throw error;
  }

  const issued = written.automatic ? await issueHostedCertificateAtOnce(written.certificateId, now) : false;
  return { status: "requested", certificateId: written.certificateId, issued };
}

async function writeReissue(
  tx: DbTransaction,
  context: {
    ownerId: string;
    actorId: string;
    ip: string | null;
    now: Date;
    request: ReissueCertificateInput;
    covered: string[];
    key: KeyMaterial;
  },
): Promise<{ certificateId: string; automatic: boolean }> {
  const { ownerId, now, request, covered, key } = context;
  // Locked and read again: a revocation, renewal or deletion since the first read wins.
  // Another reissue is not looked for here: the unique index refuses it at the insert.
  if (!(await lockOwnedCertificate(tx, ownerId, request.certificateId))) throw new AppError("NOT_FOUND");
  const replaced = await loadReplaced(tx, ownerId, request.certificateId);
  if (!replaced) throw new AppError("NOT_FOUND");
  const refusal = refusalOf({ ...replaced, reissuedBy: [] }, now);
  if (refusal) throw new AppError(REFUSAL_ERROR[refusal]);

  const certificateId = newCertificateId();
  // As an order's: an ACME issuer's CA validates over DNS-01 and the job writes or shows its
  // records (advance-acme-certificate.ts); the built-in CA checks our _dnsauth record or file.
  const plan = await planCertificateValidation(tx, {
    ownerId,
    boundNames: [replaced.domain],
    covered,
    acme: replaced.issuerId !== null,
    chosenMethod: request.validationMethod,
    now,
  });

  await tx.certificate.create({
    data: {
      id: certificateId,
      ownerId,
      reissuesId: replaced.id,
      alias: null,
      brand: replaced.brand,
      certificateType: replaced.certificateType,
      domainType: replaced.domainType,
      domain: replaced.domain,
      sans: replaced.sans,
      source: replaced.source,
      validityYears: replaced.validityYears,
      autoUpdateResources: replaced.autoUpdateResources,
      ...plan.fields,
      keyAlgorithm: key.keyAlgorithm,
      csrPem: key.source === "CSR" ? key.csrPem : null,
      issuerId: replaced.issuerId,
      privateKeyEncrypted:
        key.source === "GENERATE" ? encryptSecret(key.privateKeyPem, getConfig().encryptionKey, certificateId) : null,
      createdAt: now,
    },
  });
  await writeValidationStart(tx, plan, { ownerId, certificateId, domain: replaced.domain, now, notify: false });
  await recordAudit(tx, {
    actorId: context.actorId,
    action: "certificate.reissue.request",
    targetType: "Certificate",
    targetId: replaced.id,
    after: {
      newCertificateId: certificateId,
      domain: replaced.domain,
      covered,
      expiresAt: replaced.expiresAt?.toISOString() ?? null,
      validationMethod: plan.method,
      keySource: key.source,
      keyAlgorithm: key.keyAlgorithm,
    },
    ip: context.ip,
    at: now,
  });
  return { certificateId, automatic: plan.automatic };
}

/** The unique violation of the one-pending-reissue index (the driver names the index or its column). */
function isPendingReissueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = JSON.stringify(error.meta ?? {});
  return meta.includes(PENDING_REISSUE_INDEX) || meta.includes("reissuesId");
}
