// A pending certificate of an ACME issuer, one job run further: the order created (its
// DNS-01 records written into our hosted zone, or shown to the customer), the challenges
// answered only once our own lookup sees every record at the zone's authoritative
// servers, the order refreshed, finalized with the certificate's CSR, and the chain
// recorded as the built-in path records its own (recordIssuedCertificate). Failures are
// stored on the certificate; only transient ones are retried, by later runs, with backoff.
// Nothing here touches money: the fee was taken once when the order or renewal was made,
// and a certificate that cannot go on stays pending (the time-out step ends it).
import "server-only";
import { isAcmeError } from "@/lib/acme/acme-failure";
import { acmeRetryDelayMs } from "@/lib/acme/acme-retry-delay";
import type { AcmeAccount, AcmeFailure, AcmeOrderState } from "@/lib/acme/acme-types";
import { answerAcmeChallenges } from "@/lib/acme/answer-acme-challenges";
import { createAcmeOrder } from "@/lib/acme/create-acme-order";
import { createCertificateRequest } from "@/lib/acme/create-certificate-request";
import { finalizeAcmeOrder } from "@/lib/acme/finalize-acme-order";
import { refreshAcmeOrder } from "@/lib/acme/refresh-acme-order";
import { registerAcmeAccount } from "@/lib/acme/register-acme-account";
import { systemNow } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { addHostedValidationRecord } from "@/lib/dns/add-hosted-validation-record";
import { DnsLookupError } from "@/lib/dns/lookup-txt";
import { type AuthoritativeLookupOptions, lookupTxtAtAuthoritative } from "@/lib/dns/lookup-txt-at-authoritative";
import { syncDnsRecords } from "@/lib/dns/sync-dns-records";
import { addDelegatedValidationRecord } from "@/lib/dns-hosting/add-delegated-validation-record";
import { ensureValidationZone } from "@/lib/dns-hosting/ensure-validation-zone";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loadIssuableCertificate, recordIssuedCertificate } from "@/lib/issuance/issue-pending-certificate";
import { acmeOrderRecords, nextAcmeStep } from "@/lib/issuance/next-acme-step";
import { isPendingStatus } from "@/lib/issuance/pending-statuses";
import { readIssuedChain } from "@/lib/issuance/read-issued-chain";
import { type IssuerWithSecrets, issuerAccountKey, issuerCaSettings } from "@/lib/issuers/issuer-ca-settings";
import { sealIssuerSecret } from "@/lib/issuers/issuer-secrets";
import {
  listCertificateValidationTargets,
  validationNoticeRecords,
} from "@/lib/validation/list-certificate-validation-targets";
import { certificateNames } from "@/lib/validation/list-validation-targets";

export type AcmeAdvanceOutcome =
  | { kind: "issued" }
  /** A record is not at the authoritative servers yet (the customer's to add, or ours still being written). */
  | { kind: "waiting-for-record"; providerError?: string }
  /** Answered or finalized; the CA has not decided yet. */
  | { kind: "waiting-for-ca" }
  /** A transient failure; a later run tries again from `retryAt`. */
  | { kind: "retrying"; reason: string; retryAt: Date }
  /** A failure someone must act on, stored on the certificate. */
  | { kind: "failed"; reason: string }
  /** Another caller (the job, "Verify now", another instance) is advancing this certificate right now. */
  | { kind: "in-progress" }
  | { kind: "not-pending" };

export type AdvanceAcmeOptions = {
  /** Where the pre-check asks (tests: their PowerDNS). Default DNS_RESOLVER, else the zone's own servers. */
  lookup?: AuthoritativeLookupOptions;
  /** The jitter draw for the backoff; default Math.random. */
  random?: () => number;
  /** The customer asked ("Verify now"): an order the CA failed for a reason they can fix is started over. */
  startOverFailedOrder?: boolean;
};

// A run goes as far as it can: a hosted zone may go from no order to issued in one.
const MAX_STEPS_PER_RUN = 8;
const MAX_DETAIL = 500;

function loadAcmeCertificate(certificateId: string) {
  return db.certificate.findUnique({
    where: { id: certificateId },
    select: {
      id: true,
      ownerId: true,
      status: true,
      domain: true,
      sans: true,
      validationDeadline: true,
      validationRecordName: true,
      validationRecordValue: true,
      validatedAt: true,
      keyAlgorithm: true,
      csrPem: true,
      privateKeyEncrypted: true,
      acmeOrder: true,
      acmeFailureReason: true,
      acmeAttempts: true,
      acmeNextAttemptAt: true,
      renews: { select: { id: true, keyAlgorithm: true } },
      issuer: {
        select: {
          id: true,
          directoryUrl: true,
          eabKeyId: true,
          eabHmacKeyEncrypted: true,
          contactEmail: true,
          termsAccepted: true,
          caBundlePem: true,
          accountKeyEncrypted: true,
          accountUrl: true,
        },
      },
    },
  });
}

type AcmeCertificate = NonNullable<Awaited<ReturnType<typeof loadAcmeCertificate>>>;

// Long enough for every step of one run, each of which may wait seconds for the CA.
const ADVANCE_TIMEOUT_MS = 10 * 60_000;

/**
 * One advance per certificate at a time, whoever asks: two at once would make two orders
 * (one overwriting the other's records) or finalize twice. A transaction-level advisory
 * lock, not a row lock: the steps write the certificate's row on other connections.
 */
export async function advanceAcmeCertificate(
  certificateId: string,
  now: Date,
  options: AdvanceAcmeOptions = {},
): Promise<AcmeAdvanceOutcome> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${acmeAdvanceLockName(certificateId)}, 0)) AS locked`;
      if (!lock?.locked) return { kind: "in-progress" };
      return advanceUnlocked(certificateId, now, options);
    },
    { timeout: ADVANCE_TIMEOUT_MS },
  );
}

/** The advisory lock's name for one certificate (exported for the test that holds it). */
export function acmeAdvanceLockName(certificateId: string): string {
  return `acme-advance:${certificateId}`;
}

async function advanceUnlocked(
  certificateId: string,
  now: Date,
  options: AdvanceAcmeOptions,
): Promise<AcmeAdvanceOutcome> {
  const certificate = await loadAcmeCertificate(certificateId);
  if (
    !certificate?.issuer ||
    !isPendingStatus(certificate.status) ||
    !certificate.validationDeadline ||
    certificate.validationDeadline.getTime() <= now.getTime()
  ) {
    return { kind: "not-pending" };
  }
  const { issuer } = certificate;
  const ca = issuerCaSettings(issuer);
  let order = (certificate.acmeOrder as AcmeOrderState | null) ?? null;
  let failureReason = certificate.acmeFailureReason as AcmeFailure["reason"] | null;
  let refreshed = false;

  const save = (data: Prisma.CertificateUpdateInput) => db.certificate.update({ where: { id: certificate.id }, data });
  const stateColumns = (state: AcmeOrderState): Prisma.CertificateUpdateInput => ({
    acmeOrder: state as unknown as Prisma.InputJsonObject,
    acmeFailureReason: state.failure?.reason ?? null,
    acmeFailureDetail: state.failure?.detail.slice(0, MAX_DETAIL) ?? null,
    acmeAttempts: 0,
    acmeNextAttemptAt: null,
  });

  let startedAgain = false;
  for (let stepCount = 0; stepCount < MAX_STEPS_PER_RUN; stepCount++) {
    try {
      const step = nextAcmeStep({
        order,
        failureReason,
        nextAttemptAt: stepCount === 0 ? certificate.acmeNextAttemptAt : null,
        now,
        startOverFailedOrder: stepCount === 0 && options.startOverFailedOrder === true,
      });
      switch (step.kind) {
        case "wait":
          return { kind: "retrying", reason: failureReason ?? "CA_UNREACHABLE", retryAt: step.until };
        case "failed": {
          const reason = order?.failure?.reason ?? failureReason ?? "ORDER_INVALID";
          await notifyAcmeFailure(certificate, reason, now);
          return { kind: "failed", reason };
        }
        case "create-order": {
          const account = await ensureAccount(issuer, step.registerAccount);
          order = await createAcmeOrder({
            ca,
            account,
            domains: certificateNames(certificate.domain, certificate.sans),
          });
          failureReason = null;
          await storeNewOrder(certificate, order, stateColumns(order), now);
          break;
        }
        case "await-records": {
          if (!order) throw new Error("unreachable: records without an order");
          const seen = await recordsInPlace(certificate.id, order, options.lookup);
          await save({ validationCheckedAt: now });
          if (seen !== true) return { kind: "waiting-for-record", ...(seen ? { providerError: seen } : {}) };
          order = await answerAcmeChallenges({ ca, account: await ensureAccount(issuer, false), state: order });
          await save(stateColumns(order));
          break;
        }
        case "refresh": {
          if (!order) throw new Error("unreachable: refresh without an order");
          if (refreshed) return { kind: "waiting-for-ca" };
          order = await refreshAcmeOrder({ ca, account: await ensureAccount(issuer, false), state: order });
          refreshed = true;
          await save(stateColumns(order));
          break;
        }
        case "finalize": {
          if (!order) throw new Error("unreachable: finalize without an order");
          return await finalize(certificate, order, issuer, now, stateColumns);
        }
      }
    } catch (error) {
      if (!isAcmeError(error)) throw error;
      const { failure } = error;
      // The CA forgot the account or the order (a test CA restarted, an order expired): the
      // next step (nextAcmeStep) starts again at once, once per run.
      const startAgain = (failure.reason === "ACCOUNT_GONE" || failure.reason === "ORDER_GONE") && !startedAgain;
      const attempt = certificate.acmeAttempts + 1;
      const delay = acmeRetryDelayMs({ failure, attempt, random: (options.random ?? Math.random)() });
      const retryAt = delay === null ? null : new Date(now.getTime() + delay);
      await save({
        acmeFailureReason: failure.reason,
        acmeFailureDetail: failure.detail.slice(0, MAX_DETAIL),
        acmeAttempts: failure.transient ? attempt : 0,
        acmeNextAttemptAt: retryAt,
      });
      if (startAgain) {
        startedAgain = true;
        failureReason = failure.reason;
        continue;
      }
      if (retryAt) return { kind: "retrying", reason: failure.reason, retryAt };
      await notifyAcmeFailure(certificate, failure.reason, now);
      return { kind: "failed", reason: failure.reason };
    }
  }
  return { kind: "waiting-for-ca" };
}

/** CertDesk's account at the issuer: the stored one, or registered (again) with the stored key, or a new one. */
async function ensureAccount(issuer: IssuerWithSecrets, register: boolean): Promise<AcmeAccount> {
  const storedKey = issuerAccountKey(issuer);
  if (!register && storedKey && issuer.accountUrl) return { accountKeyPem: storedKey, accountUrl: issuer.accountUrl };
  const account = await registerAcmeAccount(issuerCaSettings(issuer), storedKey);
  const accountKeyEncrypted =
    account.accountKeyPem !== storedKey
      ? sealIssuerSecret(issuer.id, "accountKey", account.accountKeyPem)
      : issuer.accountKeyEncrypted;
  await db.issuer.update({ where: { id: issuer.id }, data: { accountUrl: account.accountUrl, accountKeyEncrypted } });
  // The rest of this run uses the same account.
  issuer.accountKeyEncrypted = accountKeyEncrypted;
  issuer.accountUrl = account.accountUrl;
  return { accountKeyPem: account.accountKeyPem, accountUrl: account.accountUrl };
}

/**
 * Stores the order and what the customer is shown (the first `_acme-challenge` record),
 * queues its records in the owner's hosted zones (or at the CNAME target of a domain
 * delegated to our validation zone), tells the customer which records are theirs to add,
 * and takes back any earlier record of this certificate (a previous order's, or the
 * `_dnsauth` one of the built-in path).
 */
async function storeNewOrder(
  certificate: AcmeCertificate,
  order: AcmeOrderState,
  columns: Prisma.CertificateUpdateInput,
  now: Date,
): Promise<void> {
  const records = acmeOrderRecords(order);
  // Made (and created on the DNS server) outside the transaction: it may ask the server.
  const validationZone = await ensureValidationZone();
  await db.$transaction(async (tx) => {
    await tx.dnsRecord.updateMany({
      where: {
        certificateId: certificate.id,
        state: { in: ["PENDING", "PUBLISHED"] },
        NOT: { value: { in: records.map((record) => record.value) } },
      },
      data: { state: "REMOVING", attempts: 0, lastError: null, nextAttemptAt: null },
    });
    // Written by CertDesk: in the owner's hosted zone, or behind the CNAME of a delegated domain.
    let hostedCount = 0;
    for (const record of records) {
      const input = { ownerId: certificate.ownerId, ...record, certificateId: certificate.id, now };
      const written =
        (await addHostedValidationRecord(input, tx)) ??
        (await addDelegatedValidationRecord({ ...input, validationZone }, tx));
      if (written) hostedCount += 1;
    }
    await tx.certificate.update({
      where: { id: certificate.id },
      data: {
        ...columns,
        validationMethod: hostedCount === records.length ? "DNS_AUTO" : "DNS",
        validationRecordName: records[0]?.name ?? null,
        validationRecordValue: records[0]?.value ?? null,
      },
    });
    if (hostedCount < records.length) {
      await tx.notification.createMany({
        data: [validationNeededNotice(certificate, order, now)],
        skipDuplicates: true,
      });
    }
  });
}

/**
 * "Add this record": the notice the built-in path sends when a renewal or order is made,
 * sent for an ACME certificate once its CA's records are known, with the same kind and
 * the records the certificate page shows. Once per order (the dedupe key names its first
 * value): a new order (the CA forgot the old one, or the customer started over) needs new
 * values, and the customer is told them.
 */
function validationNeededNotice(
  certificate: AcmeCertificate,
  order: AcmeOrderState,
  now: Date,
): Prisma.NotificationCreateManyInput {
  const records = validationNoticeRecords(
    listCertificateValidationTargets({
      ...certificate,
      validationMethod: "DNS",
      issuerId: certificate.issuer?.id ?? null,
      acmeOrder: order,
    }),
  );
  const orderKey = acmeOrderRecords(order)[0]?.value ?? order.orderUrl;
  const common = {
    domain: certificate.domain,
    method: "DNS",
    ...records,
    deadline: certificate.validationDeadline?.toISOString() ?? null,
  };
  return certificate.renews
    ? {
        ownerId: certificate.ownerId,
        kind: "VALIDATION_RECORD_NEEDED",
        certificateId: certificate.id,
        dedupeKey: `record-needed:${certificate.id}:${orderKey}`,
        params: { ...common, certificateId: certificate.renews.id, newCertificateId: certificate.id },
        emailStatus: "PENDING",
        createdAt: now,
      }
    : {
        ownerId: certificate.ownerId,
        kind: "ORDER_VALIDATION_NEEDED",
        certificateId: certificate.id,
        dedupeKey: `order-validation:${certificate.id}:${orderKey}`,
        params: { ...common, certificateId: certificate.id },
        emailStatus: "PENDING",
        createdAt: now,
      };
}

/** Reasons a new order or a new account fixes by itself: no one needs telling. */
const HANDLED_WITHOUT_CUSTOMER: readonly AcmeFailure["reason"][] = ["ORDER_GONE", "ACCOUNT_GONE"];

/**
 * The CA ended the order for a reason someone must act on (the record, a CAA record, the
 * operator's settings): the customer is told once per certificate and reason (the unique
 * dedupe key), with what to do, instead of finding out at the 7-day time-out.
 */
async function notifyAcmeFailure(certificate: AcmeCertificate, reason: AcmeFailure["reason"], now: Date) {
  if (HANDLED_WITHOUT_CUSTOMER.includes(reason)) return;
  const stored = await db.certificate.findUnique({
    where: { id: certificate.id },
    select: { validationRecordName: true, validationRecordValue: true },
  });
  await db.notification.createMany({
    data: [
      {
        ownerId: certificate.ownerId,
        kind: "VALIDATION_FAILED",
        certificateId: certificate.id,
        dedupeKey: `validation-failed:${certificate.id}:${reason}`,
        params: {
          domain: certificate.domain,
          certificateId: certificate.id,
          reason,
          recordNames: stored?.validationRecordName ?? "",
          recordValue: stored?.validationRecordValue ?? "",
          deadline: certificate.validationDeadline?.toISOString() ?? null,
        },
        emailStatus: "PENDING",
        createdAt: now,
      },
    ],
    skipDuplicates: true,
  });
}

/**
 * True when every record of the order is served by the authoritative servers. Our own
 * queued records are written first (the DNS outbox); a refusal by our DNS server is
 * returned as its message, for the run's errors.
 */
async function recordsInPlace(
  certificateId: string,
  order: AcmeOrderState,
  lookup: AuthoritativeLookupOptions | undefined,
): Promise<true | false | string> {
  const queued = await db.dnsRecord.findMany({ where: { certificateId, state: "PENDING" }, select: { id: true } });
  if (queued.length > 0) {
    const synced = await syncDnsRecords({ realNow: systemNow(), recordIds: queued.map((row) => row.id) });
    const [failed] = synced.failures;
    if (failed) return `${failed.code}: ${failed.message}`;
  }
  for (const record of acmeOrderRecords(order)) {
    try {
      const answer = await lookupTxtAtAuthoritative(record.name, lookup);
      if (!answer.values.includes(record.value)) return false;
    } catch (error) {
      if (error instanceof DnsLookupError) return false;
      throw error;
    }
  }
  return true;
}

async function finalize(
  certificate: AcmeCertificate,
  order: AcmeOrderState,
  issuer: IssuerWithSecrets,
  now: Date,
  stateColumns: (state: AcmeOrderState) => Prisma.CertificateUpdateInput,
): Promise<AcmeAdvanceOutcome> {
  // The CA validated every name: the certificate is validated, as the built-in check records it.
  await db.certificate.updateMany({
    where: { id: certificate.id, validatedAt: null, status: { in: ["PENDING_VALIDATION", "DNS_RECORD_ADDED"] } },
    data: { validatedAt: now, validationCheckedAt: now, status: "DNS_RECORD_ADDED" },
  });
  const issuable = await loadIssuableCertificate(certificate.id);
  if ("outcome" in issuable) return { kind: "not-pending" };
  const keyAlgorithm = certificate.keyAlgorithm ?? certificate.renews?.keyAlgorithm ?? "RSA_2048";
  const encryptionKey = getConfig().encryptionKey;
  let csrPem = certificate.csrPem;
  let privateKeyEncrypted: string | null = null;
  if (!csrPem) {
    const existingKey = certificate.privateKeyEncrypted
      ? decryptSecret(certificate.privateKeyEncrypted, encryptionKey, certificate.id)
      : undefined;
    const request = await createCertificateRequest({
      domains: order.domains,
      keyAlgorithm,
      privateKeyPem: existingKey,
    });
    csrPem = request.csrPem;
    if (!existingKey) {
      // Stored before the CA sees the CSR: a later run that only downloads the chain must find this key.
      privateKeyEncrypted = encryptSecret(request.privateKeyPem, encryptionKey, certificate.id);
      await db.certificate.update({ where: { id: certificate.id }, data: { privateKeyEncrypted } });
    }
  }
  const account = await ensureAccount(issuer, false);
  const finalized = await finalizeAcmeOrder({ ca: issuerCaSettings(issuer), account, state: order, csr: csrPem });
  if (!finalized.certificateChainPem) {
    await db.certificate.update({ where: { id: certificate.id }, data: stateColumns(finalized.state) });
    return { kind: "waiting-for-ca" };
  }
  const issued = readIssuedChain({ chainPem: finalized.certificateChainPem, keyAlgorithm, privateKeyEncrypted: null });
  const outcome = await recordIssuedCertificate(issuable.certificate, issued, now, {
    acmeOrder: finalized.state as unknown as Prisma.InputJsonObject,
    acmeFailureReason: null,
    acmeFailureDetail: null,
    acmeAttempts: 0,
    acmeNextAttemptAt: null,
  });
  return outcome === "issued" ? { kind: "issued" } : { kind: "not-pending" };
}
