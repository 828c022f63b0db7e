import "server-only";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import { findHostedZoneForName } from "@/lib/dns/find-hosted-zone-for-name";
import type {
  AutoRenewEndReason,
  AutoRenewState,
  CertificateOrderKind,
  CertificateOrderStatus,
  CertificateSource,
  CertificateStatus,
  CertificateType,
  CloudResourceType,
  DomainType,
  KeyAlgorithm,
  LedgerKind,
  RenewalOrderStatus,
  RenewalTrigger,
  RevocationReason,
  ValidationMethod,
} from "@/lib/generated/prisma/enums";
import { isPendingStatus, PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import { type DisplayStatus, daysRemaining, deductionTime, displayStatus } from "@/lib/renewal/auto-renew-rules";
import { PAID_RENEWAL_STATUSES, RENEWING_ORDER_STATUSES } from "@/lib/renewal/renewal-under-way";
import {
  type CertificateValidationFacts,
  listCertificateValidationTargets,
} from "@/lib/validation/list-certificate-validation-targets";
import type { ValidationTarget } from "@/lib/validation/list-validation-targets";

// Deep enough for decades of yearly renewals; guards against a corrupted cycle.
const MAX_CHAIN = 50;

export type ChainLink = {
  id: string;
  domain: string;
  status: DisplayStatus;
  notBefore: string | null;
  expiresAt: string | null;
};

export type CertificateDetail = {
  /** The app's "now" the detail was computed at (the demo clock may differ from the browser's). */
  asOf: string;
  id: string;
  alias: string | null;
  domain: string;
  sans: string[];
  tags: string[];
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  source: CertificateSource;
  validityYears: number;
  status: DisplayStatus;
  notBefore: string | null;
  expiresAt: string | null;
  issuedAt: string | null;
  daysRemaining: number | null;
  autoRenewState: AutoRenewState;
  autoRenewEndReason: AutoRenewEndReason | null;
  autoRenewChangedAt: string | null;
  /** Revoked by the customer: when and why. */
  revocation: { at: string; reason: RevocationReason | null } | null;
  /** When the job will deduct the fee, while auto-renewal is on and nothing has been paid yet. */
  nextDeductionAt: string | null;
  renewalPaid: boolean;
  autoUpdateResources: boolean;
  ignoreNotifications: boolean;
  keyAlgorithm: KeyAlgorithm | null;
  /** Issued (or to be issued) for the customer's own CSR: CertDesk holds no private key. */
  fromCsr: boolean;
  serialNumber: string | null;
  fingerprintSha256: string | null;
  hasCertificateFile: boolean;
  validation: {
    method: ValidationMethod | null;
    recordName: string | null;
    recordValue: string | null;
    deadline: string | null;
    checkedAt: string | null;
    validatedAt: string | null;
    /** An ACME issuer's last failure at the CA, and when the job tries again (null: it does not by itself). */
    acmeFailure: { reason: string; retryAt: string | null } | null;
    /** Every record or file the check looks for (the same rule the job checks with). */
    targets: (ValidationTarget & { addedForYou: boolean })[];
  };
  /** The purchase or free application that created this certificate, if it was ordered here. */
  purchase: {
    id: string;
    kind: CertificateOrderKind;
    status: CertificateOrderStatus;
    priceMinor: number;
    currency: string;
    autoRenew: boolean;
    createdAt: string;
    issuedAt: string | null;
    endedAt: string | null;
    refundedAt: string | null;
  } | null;
  /** Newest first: renewals of this certificate, itself, then what it renewed. */
  chain: ChainLink[];
  orders: {
    id: string;
    certificateId: string;
    newCertificateId: string;
    trigger: RenewalTrigger;
    status: RenewalOrderStatus;
    priceMinor: number;
    currency: string;
    createdAt: string;
    issuedAt: string | null;
    endedAt: string | null;
  }[];
  ledger: {
    id: string;
    kind: LedgerKind;
    amountMinor: number;
    currency: string;
    createdAt: string;
    note: string | null;
  }[];
  resources: { id: string; type: CloudResourceType; name: string; region: string }[];
  /**
   * Who issued it: the built-in CA (not publicly trusted), an ACME issuer by name, or
   * null for an uploaded certificate (issued elsewhere; its chain says by whom).
   */
  issuedBy: { kind: "built-in" } | { kind: "acme"; name: string } | null;
  /**
   * Reissues: the certificate this one reissues (revoked once this one is issued), and this
   * one's reissue waiting for validation, which makes it show "Reissuing" (status 11).
   */
  reissue: { replacesId: string | null; reissuingId: string | null };
};

const linkSelect = { id: true, domain: true, status: true, notBefore: true, expiresAt: true } as const;

/** One of the owner's certificates with its history; null for anyone else's (answered as "not found"). */
export async function getCertificateDetail(ownerId: string, id: string, now: Date): Promise<CertificateDetail | null> {
  const certificate = await db.certificate.findFirst({
    where: { id, ...ownedCertificateWhere(ownerId) },
    include: {
      resources: { select: { id: true, type: true, name: true, region: true }, orderBy: { name: "asc" } },
      renewalOrders: { where: { status: { in: [...PAID_RENEWAL_STATUSES] } }, select: { id: true }, take: 1 },
      // An OV/EV renewal ordered through the order form, paid or issued.
      renewingOrders: {
        where: { ownerId, status: { in: [...RENEWING_ORDER_STATUSES] } },
        select: { id: true },
        take: 1,
      },
      issuer: { select: { name: true } },
      order: true,
      reissuedBy: { where: { status: { in: [...PENDING_STATUSES] } }, select: { id: true }, take: 1 },
    },
  });
  if (!certificate) return null;

  const toLink = (row: LinkRow): ChainLink => ({
    id: row.id,
    domain: row.domain,
    status: displayStatus(row.status, row.expiresAt, now),
    notBefore: row.notBefore?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  });

  // Everything else depends only on the certificate: asked for at once, not one after another
  // (each would add a round trip to the database to the page's time).
  const [targets, older, newer, orders, ledger] = await Promise.all([
    validationTargets(ownerId, certificate),
    olderLinks(ownerId, certificate.renewsId),
    newerLinks(ownerId, certificate.id),
    db.renewalOrder.findMany({
      where: { ownerId, OR: [{ certificateId: certificate.id }, { newCertificateId: certificate.id }] },
      orderBy: { createdAt: "desc" },
    }),
    db.ledgerEntry.findMany({
      where: {
        account: { ownerId },
        OR: [
          { certificateId: certificate.id },
          { renewalOrder: { OR: [{ certificateId: certificate.id }, { newCertificateId: certificate.id }] } },
        ],
      },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, amountMinor: true, currency: true, createdAt: true, note: true },
    }),
  ]);

  const renewalPaid = certificate.renewalOrders.length > 0 || certificate.renewingOrders.length > 0;
  const nextDeductionAt =
    certificate.autoRenewState === "ON" && !renewalPaid && certificate.expiresAt && certificate.expiresAt > now
      ? deductionTime(certificate.expiresAt).toISOString()
      : null;

  return {
    issuedBy:
      certificate.source === "UPLOADED"
        ? null
        : certificate.issuer
          ? { kind: "acme", name: certificate.issuer.name }
          : { kind: "built-in" },
    asOf: now.toISOString(),
    id: certificate.id,
    alias: certificate.alias,
    domain: certificate.domain,
    sans: certificate.sans,
    tags: certificate.tags,
    brand: certificate.brand,
    certificateType: certificate.certificateType,
    domainType: certificate.domainType,
    source: certificate.source,
    validityYears: certificate.validityYears,
    status: displayStatus(certificate.status, certificate.expiresAt, now),
    notBefore: certificate.notBefore?.toISOString() ?? null,
    expiresAt: certificate.expiresAt?.toISOString() ?? null,
    issuedAt: certificate.issuedAt?.toISOString() ?? null,
    daysRemaining: certificate.expiresAt ? daysRemaining(certificate.expiresAt, now) : null,
    autoRenewState: certificate.autoRenewState,
    autoRenewEndReason: certificate.autoRenewEndReason,
    autoRenewChangedAt: certificate.autoRenewChangedAt?.toISOString() ?? null,
    revocation: certificate.revokedAt
      ? { at: certificate.revokedAt.toISOString(), reason: certificate.revocationReason }
      : null,
    nextDeductionAt,
    renewalPaid,
    reissue: { replacesId: certificate.reissuesId, reissuingId: certificate.reissuedBy[0]?.id ?? null },
    autoUpdateResources: certificate.autoUpdateResources,
    ignoreNotifications: certificate.ignoreNotifications,
    keyAlgorithm: certificate.keyAlgorithm,
    fromCsr: certificate.csrPem !== null,
    serialNumber: certificate.serialNumber,
    fingerprintSha256: certificate.fingerprintSha256,
    hasCertificateFile: Boolean(certificate.certificatePem),
    validation: {
      method: certificate.validationMethod,
      recordName: certificate.validationRecordName,
      recordValue: certificate.validationRecordValue,
      deadline: certificate.validationDeadline?.toISOString() ?? null,
      checkedAt: certificate.validationCheckedAt?.toISOString() ?? null,
      acmeFailure: certificate.acmeFailureReason
        ? { reason: certificate.acmeFailureReason, retryAt: certificate.acmeNextAttemptAt?.toISOString() ?? null }
        : null,
      validatedAt: certificate.validatedAt?.toISOString() ?? null,
      targets,
    },
    purchase: certificate.order && {
      id: certificate.order.id,
      kind: certificate.order.kind,
      status: certificate.order.status,
      priceMinor: certificate.order.priceMinor,
      currency: certificate.order.currency,
      autoRenew: certificate.order.autoRenew,
      createdAt: certificate.order.createdAt.toISOString(),
      issuedAt: certificate.order.issuedAt?.toISOString() ?? null,
      endedAt: certificate.order.endedAt?.toISOString() ?? null,
      refundedAt: certificate.order.refundedAt?.toISOString() ?? null,
    },
    chain: [...newer.map(toLink), toLink(certificate), ...older.map(toLink)],
    orders: orders.map((order) => ({
      id: order.id,
      certificateId: order.certificateId,
      newCertificateId: order.newCertificateId,
      trigger: order.trigger,
      status: order.status,
      priceMinor: order.priceMinor,
      currency: order.currency,
      createdAt: order.createdAt.toISOString(),
      issuedAt: order.issuedAt?.toISOString() ?? null,
      endedAt: order.endedAt?.toISOString() ?? null,
    })),
    ledger: ledger.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
    resources: certificate.resources,
  };
}

type LinkRow = {
  id: string;
  domain: string;
  status: CertificateStatus;
  notBefore: Date | null;
  expiresAt: Date | null;
};

/** The certificates this one renews, newest first: one hop at a time, always within the owner's certificates. */
async function olderLinks(ownerId: string, renewsId: string | null): Promise<LinkRow[]> {
  const older: LinkRow[] = [];
  let previousId = renewsId;
  while (previousId && older.length < MAX_CHAIN) {
    const previous = await db.certificate.findFirst({
      where: { id: previousId, ...ownedCertificateWhere(ownerId) },
      select: { ...linkSelect, renewsId: true },
    });
    if (!previous) break;
    older.push(previous);
    previousId = previous.renewsId;
  }
  return older;
}

/** The renewals of this certificate, newest first, the same way. */
async function newerLinks(ownerId: string, id: string): Promise<LinkRow[]> {
  const newer: LinkRow[] = [];
  let currentId = id;
  while (newer.length < MAX_CHAIN) {
    const next = await db.certificate.findFirst({
      where: { renewsId: currentId, ...ownedCertificateWhere(ownerId) },
      orderBy: { createdAt: "desc" },
      select: linkSelect,
    });
    if (!next) break;
    newer.unshift(next);
    currentId = next.id;
  }
  return newer;
}

/** A pending certificate's records or files, each marked when CertDesk put it in the owner's hosted zone. */
async function validationTargets(
  ownerId: string,
  certificate: CertificateValidationFacts & { status: CertificateStatus },
): Promise<CertificateDetail["validation"]["targets"]> {
  if (!isPendingStatus(certificate.status) || !certificate.validationRecordValue) return [];
  return Promise.all(
    listCertificateValidationTargets(certificate).map(async (target) => ({
      ...target,
      addedForYou: target.kind === "DNS" && (await findHostedZoneForName({ name: target.name, ownerId })) !== null,
    })),
  );
}
