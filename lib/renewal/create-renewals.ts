import "server-only";
import type { DbTransaction } from "@/lib/db/client";
import { createValidationRecord, findHostedZone } from "@/lib/dns/validation-record";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerKind, RenewalTrigger } from "@/lib/generated/prisma/enums";
import { newCertificateId, randomId } from "@/lib/ids";
import { validationDeadline } from "@/lib/renewal/auto-renew-rules";

export type PaidRenewal = {
  certificateId: string;
  ownerId: string;
  accountId: string;
  feeMinor: number;
  currency: string;
  /** The owner's balance after this fee, as computed under the account lock. */
  balanceAfterMinor: number;
};

export type RenewalBatch = {
  renewals: readonly PaidRenewal[];
  trigger: RenewalTrigger;
  /** Who asked (manual renewal); null for the job. */
  actorId: string | null;
  ip?: string | null;
  jobRunId: string | null;
  now: Date;
};

export type CreatedRenewal = PaidRenewal & { orderId: string; newCertificateId: string; autoValidated: boolean };

/**
 * Makes the renewals the caller has decided and locked: for each certificate the
 * fee is deducted (conditional balance update + ledger entry), a renewal order and
 * the new certificate "pending validation" with a 7-day deadline are created, and
 * for domains in the owner's hosted zones the DNS validation record is added. Set-
 * based, so a job batch of hundreds costs a handful of statements. The order's
 * unique (certificateId, attempt) makes a second charge for the same cycle fail.
 * Must run in the caller's transaction, with the certificate and account rows locked.
 */
export async function createRenewals(tx: DbTransaction, batch: RenewalBatch): Promise<CreatedRenewal[]> {
  const { renewals, now } = batch;
  if (renewals.length === 0) return [];
  const ids = renewals.map((renewal) => renewal.certificateId);
  const owners = [...new Set(renewals.map((renewal) => renewal.ownerId))];

  const [sources, timedOut, zones] = await Promise.all([
    tx.certificate.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        domain: true,
        sans: true,
        alias: true,
        tags: true,
        brand: true,
        certificateType: true,
        domainType: true,
        autoUpdateResources: true,
        ignoreNotifications: true,
      },
    }),
    tx.renewalOrder.groupBy({
      by: ["certificateId"],
      where: { certificateId: { in: ids }, status: "TIMED_OUT" },
      _count: { _all: true },
    }),
    tx.hostedZone.findMany({ where: { ownerId: { in: owners } }, select: { id: true, name: true, ownerId: true } }),
  ]);
  const source = new Map(sources.map((row) => [row.id, row]));
  // A renewal cycle is retried only after a refund, so the attempt number is fixed
  // by the history: two runs racing for one certificate collide on the unique key.
  const attempts = new Map(timedOut.map((row) => [row.certificateId, row._count._all + 1]));
  const zonesByOwner = new Map<string, { id: string; name: string }[]>();
  for (const zone of zones) zonesByOwner.set(zone.ownerId, [...(zonesByOwner.get(zone.ownerId) ?? []), zone]);

  const deadline = validationDeadline(now);
  const created: CreatedRenewal[] = [];
  const certificates: Prisma.CertificateCreateManyInput[] = [];
  const orders: Prisma.RenewalOrderCreateManyInput[] = [];
  const ledger: Prisma.LedgerEntryCreateManyInput[] = [];
  const records: Prisma.DnsRecordCreateManyInput[] = [];
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const audits: Prisma.AuditLogCreateManyInput[] = [];
  const debits = new Map<string, number>();

  for (const renewal of renewals) {
    const old = source.get(renewal.certificateId);
    if (!old) throw new Error(`certificate ${renewal.certificateId} vanished while locked`);
    const newId = newCertificateId();
    const orderId = randomId(24);
    const attempt = attempts.get(renewal.certificateId) ?? 1;
    const record = createValidationRecord(old.domain);
    const ownerZones = zonesByOwner.get(renewal.ownerId) ?? [];
    const zoneName = findHostedZone(
      record.name,
      ownerZones.map((zone) => zone.name),
    );
    const zone = ownerZones.find((candidate) => candidate.name === zoneName);

    certificates.push({
      id: newId,
      ownerId: renewal.ownerId,
      alias: old.alias,
      tags: old.tags,
      brand: old.brand,
      certificateType: old.certificateType,
      domainType: old.domainType,
      domain: old.domain,
      sans: old.sans,
      source: "PURCHASED",
      validityYears: 1,
      status: zone ? "DNS_RECORD_ADDED" : "PENDING_VALIDATION",
      renewsId: old.id,
      autoUpdateResources: old.autoUpdateResources,
      ignoreNotifications: old.ignoreNotifications,
      validationMethod: zone ? "DNS_AUTO" : "DNS",
      validationRecordName: record.name,
      validationRecordValue: record.value,
      validationDeadline: deadline,
      createdAt: now,
    });
    orders.push({
      id: orderId,
      ownerId: renewal.ownerId,
      certificateId: old.id,
      attempt,
      trigger: batch.trigger,
      status: "PENDING_VALIDATION",
      priceMinor: renewal.feeMinor,
      currency: renewal.currency,
      newCertificateId: newId,
      jobRunId: batch.jobRunId,
      createdAt: now,
    });
    const kind: LedgerKind = batch.trigger === "AUTO" ? "RENEWAL_DEDUCTION" : "MANUAL_RENEWAL";
    if (renewal.feeMinor > 0) {
      ledger.push({
        accountId: renewal.accountId,
        kind,
        amountMinor: -renewal.feeMinor,
        balanceAfterMinor: renewal.balanceAfterMinor,
        currency: renewal.currency,
        idempotencyKey: `renewal:${old.id}:${attempt}`,
        certificateId: old.id,
        renewalOrderId: orderId,
        actorId: batch.actorId,
        createdAt: now,
      });
      debits.set(renewal.accountId, (debits.get(renewal.accountId) ?? 0) + renewal.feeMinor);
    }
    if (zone) {
      records.push({
        zoneId: zone.id,
        name: record.name,
        type: record.type,
        value: record.value,
        ttl: record.ttl,
        createdAt: now,
      });
    }
    const params = {
      domain: old.domain,
      certificateId: old.id,
      newCertificateId: newId,
      feeMinor: renewal.feeMinor,
      currency: renewal.currency,
      deadline: deadline.toISOString(),
      recordName: record.name,
      recordValue: record.value,
      autoValidated: Boolean(zone),
    };
    notifications.push({
      ownerId: renewal.ownerId,
      kind: "RENEWAL_DEDUCTED",
      certificateId: newId,
      dedupeKey: `renewal-paid:${orderId}`,
      params,
      emailStatus: "PENDING",
      createdAt: now,
    });
    if (!zone) {
      notifications.push({
        ownerId: renewal.ownerId,
        kind: "VALIDATION_RECORD_NEEDED",
        certificateId: newId,
        dedupeKey: `record-needed:${newId}`,
        params,
        emailStatus: "PENDING",
        createdAt: now,
      });
    }
    audits.push({
      actorId: batch.actorId,
      action: batch.trigger === "AUTO" ? "renewal.deduct" : "renewal.manual",
      targetType: "Certificate",
      targetId: old.id,
      after: { orderId, newCertificateId: newId, feeMinor: renewal.feeMinor, currency: renewal.currency, attempt },
      ip: batch.ip ?? null,
      createdAt: now,
    });
    created.push({ ...renewal, orderId, newCertificateId: newId, autoValidated: Boolean(zone) });
  }

  if (debits.size > 0) {
    const accountIds = [...debits.keys()];
    const amounts = accountIds.map((id) => debits.get(id) ?? 0);
    // The same guard as every ledger posting: a balance never goes below zero.
    const updated = await tx.$executeRaw`
      UPDATE "BillingAccount" AS a
         SET "balanceMinor" = a."balanceMinor" - d.amount, "updatedAt" = ${now}
        FROM (SELECT unnest(${accountIds}::text[]) AS id, unnest(${amounts}::int[]) AS amount) AS d
       WHERE a.id = d.id AND a."balanceMinor" - d.amount >= 0`;
    if (updated !== accountIds.length) throw new Error("a renewal fee would take a balance below zero");
  }
  await tx.certificate.createMany({ data: certificates });
  await tx.renewalOrder.createMany({ data: orders });
  if (ledger.length > 0) await tx.ledgerEntry.createMany({ data: ledger });
  if (records.length > 0) await tx.dnsRecord.createMany({ data: records, skipDuplicates: true });
  await tx.notification.createMany({ data: notifications, skipDuplicates: true });
  await tx.auditLog.createMany({ data: audits });
  return created;
}
