import "server-only";
import { systemNow } from "@/lib/clock";
import type { DbTransaction } from "@/lib/db/client";
import { createValidationRecord, findHostedZone } from "@/lib/dns/validation-record";
import type { LedgerKind, RenewalTrigger } from "@/lib/generated/prisma/enums";
import { newCertificateId, randomId } from "@/lib/ids";
import { validationDeadline } from "@/lib/renewal/auto-renew-rules";
import { sortableIds } from "@/lib/renewal/sortable-ids";

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

type Source = { id: string; domain: string; timedOut: number };
type Zone = { id: string; name: string; ownerId: string };

/**
 * Makes the renewals the caller has decided and locked: for each certificate the
 * fee is deducted (conditional balance update + ledger entry), a renewal order and
 * the new certificate "pending validation" with a 7-day deadline are created, the
 * customer gets the "fee deducted" notice (and "add this record" unless the domain
 * is in one of their hosted zones, where the DNS validation record is added), and
 * the audit log gets one entry per renewal. Set-based: whatever the batch size, it
 * costs two reads and one statement. The order's unique (certificateId, attempt)
 * makes a second charge for the same cycle fail.
 * Must run in the caller's transaction, with the certificate and account rows locked.
 */
export async function createRenewals(tx: DbTransaction, batch: RenewalBatch): Promise<CreatedRenewal[]> {
  const { renewals, now } = batch;
  if (renewals.length === 0) return [];
  const ids = renewals.map((renewal) => renewal.certificateId);
  const owners = [...new Set(renewals.map((renewal) => renewal.ownerId))];

  // A renewal cycle is retried only after a refund, so the attempt number is fixed
  // by the history: two runs racing for one certificate collide on the unique key.
  const sources = await tx.$queryRaw<Source[]>`
    SELECT c.id, c.domain,
           (SELECT count(*)::int FROM "RenewalOrder" o
             WHERE o."certificateId" = c.id AND o.status = 'TIMED_OUT') AS "timedOut"
      FROM "Certificate" c
     WHERE c.id = ANY(${ids}::text[])`;
  const zones = await tx.$queryRaw<Zone[]>`
    SELECT id, name, "ownerId" FROM "HostedZone" WHERE "ownerId" = ANY(${owners}::text[])`;
  const source = new Map(sources.map((row) => [row.id, row]));
  const zonesByOwner = new Map<string, Zone[]>();
  for (const zone of zones) zonesByOwner.set(zone.ownerId, [...(zonesByOwner.get(zone.ownerId) ?? []), zone]);

  const deadline = validationDeadline(now);
  const nextId = sortableIds(systemNow());
  const created: CreatedRenewal[] = [];
  // One array per column: the statement below unnests them into rows.
  const rows = {
    oldId: [] as string[],
    newId: [] as string[],
    ownerId: [] as string[],
    orderId: [] as string[],
    attempt: [] as number[],
    fee: [] as number[],
    currency: [] as string[],
    accountId: [] as string[],
    balanceAfter: [] as number[],
    domain: [] as string[],
    auto: [] as boolean[],
    recordName: [] as string[],
    recordValue: [] as string[],
    ledgerId: [] as string[],
    paidNoticeId: [] as string[],
    recordNoticeId: [] as string[],
    auditId: [] as string[],
  };
  const records = { id: [] as string[], zoneId: [] as string[], name: [] as string[], value: [] as string[] };
  let recordType = "TXT";
  let recordTtl = 600;

  for (const renewal of renewals) {
    const old = source.get(renewal.certificateId);
    if (!old) throw new Error(`certificate ${renewal.certificateId} vanished while locked`);
    const newId = newCertificateId();
    const orderId = randomId(24);
    const record = createValidationRecord(old.domain);
    recordType = record.type;
    recordTtl = record.ttl;
    const ownerZones = zonesByOwner.get(renewal.ownerId) ?? [];
    const zoneName = findHostedZone(
      record.name,
      ownerZones.map((zone) => zone.name),
    );
    const zone = ownerZones.find((candidate) => candidate.name === zoneName);

    rows.oldId.push(old.id);
    rows.newId.push(newId);
    rows.ownerId.push(renewal.ownerId);
    rows.orderId.push(orderId);
    rows.attempt.push(old.timedOut + 1);
    rows.fee.push(renewal.feeMinor);
    rows.currency.push(renewal.currency);
    rows.accountId.push(renewal.accountId);
    rows.balanceAfter.push(renewal.balanceAfterMinor);
    rows.domain.push(old.domain);
    rows.auto.push(Boolean(zone));
    rows.recordName.push(record.name);
    rows.recordValue.push(record.value);
    // Ids in plan order: entries of one account made at one instant sort as they were charged.
    rows.ledgerId.push(nextId());
    rows.paidNoticeId.push(nextId());
    rows.recordNoticeId.push(nextId());
    rows.auditId.push(nextId());
    if (zone) {
      records.id.push(nextId());
      records.zoneId.push(zone.id);
      records.name.push(record.name);
      records.value.push(record.value);
    }
    created.push({ ...renewal, orderId, newCertificateId: newId, autoValidated: Boolean(zone) });
  }

  const kind: LedgerKind = batch.trigger === "AUTO" ? "RENEWAL_DEDUCTION" : "MANUAL_RENEWAL";
  const action = batch.trigger === "AUTO" ? "renewal.deduct" : "renewal.manual";
  const debitedAccounts = new Set(created.filter((row) => row.feeMinor > 0).map((row) => row.accountId)).size;
  // One statement: every sub-statement sees the same snapshot and foreign keys are
  // checked at its end, so the order of the parts does not matter. The balance
  // update keeps the guard of every ledger posting (never below zero); it reports
  // the accounts it changed, and a shortfall rolls the whole batch back below.
  const [outcome] = await tx.$queryRaw<{ debited: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${rows.oldId}::text[], ${rows.newId}::text[], ${rows.ownerId}::text[], ${rows.orderId}::text[],
        ${rows.attempt}::int[], ${rows.fee}::int[], ${rows.currency}::text[], ${rows.accountId}::text[],
        ${rows.balanceAfter}::int[], ${rows.domain}::text[], ${rows.auto}::boolean[], ${rows.recordName}::text[],
        ${rows.recordValue}::text[], ${rows.ledgerId}::text[], ${rows.paidNoticeId}::text[],
        ${rows.recordNoticeId}::text[], ${rows.auditId}::text[]
      ) AS i(old_id, new_id, owner_id, order_id, attempt, fee, currency, account_id, balance_after, domain, auto,
             record_name, record_value, ledger_id, paid_notice_id, record_notice_id, audit_id)
    ),
    debits AS (
      UPDATE "BillingAccount" AS a
         SET "balanceMinor" = a."balanceMinor" - d.amount, "updatedAt" = ${now}::timestamptz
        FROM (SELECT account_id, sum(fee)::int AS amount FROM input WHERE fee > 0 GROUP BY account_id) AS d
       WHERE a.id = d.account_id AND a."balanceMinor" - d.amount >= 0
      RETURNING a.id
    ),
    certificates AS (
      INSERT INTO "Certificate" (id, "ownerId", alias, tags, brand, "certificateType", "domainType", domain, sans,
                                 source, "validityYears", status, "renewsId", "autoUpdateResources",
                                 "ignoreNotifications", "validationMethod", "validationRecordName",
                                 "validationRecordValue", "validationDeadline", "createdAt", "updatedAt")
      SELECT i.new_id, i.owner_id, c.alias, c.tags, c.brand, c."certificateType", c."domainType", c.domain, c.sans,
             'PURCHASED', 1,
             (CASE WHEN i.auto THEN 'DNS_RECORD_ADDED' ELSE 'PENDING_VALIDATION' END)::"CertificateStatus",
             c.id, c."autoUpdateResources", c."ignoreNotifications",
             (CASE WHEN i.auto THEN 'DNS_AUTO' ELSE 'DNS' END)::"ValidationMethod",
             i.record_name, i.record_value, ${deadline}::timestamptz, ${now}::timestamptz, CURRENT_TIMESTAMP
        FROM input i JOIN "Certificate" c ON c.id = i.old_id
    ),
    orders AS (
      INSERT INTO "RenewalOrder" (id, "ownerId", "certificateId", attempt, trigger, status, "priceMinor", currency,
                                  "newCertificateId", "jobRunId", "createdAt")
      SELECT order_id, owner_id, old_id, attempt, ${batch.trigger}::text::"RenewalTrigger", 'PENDING_VALIDATION', fee,
             currency, new_id, ${batch.jobRunId}::text, ${now}::timestamptz
        FROM input
    ),
    ledger AS (
      INSERT INTO "LedgerEntry" (id, "accountId", kind, "amountMinor", "balanceAfterMinor", currency, "idempotencyKey",
                                 "certificateId", "renewalOrderId", "actorId", "createdAt")
      SELECT ledger_id, account_id, ${kind}::text::"LedgerKind", -fee, balance_after, currency,
             'renewal:' || old_id || ':' || attempt, old_id, order_id, ${batch.actorId}::text, ${now}::timestamptz
        FROM input
       WHERE fee > 0
    ),
    dns AS (
      INSERT INTO "DnsRecord" (id, "zoneId", name, type, value, ttl, "createdAt")
      SELECT r.id, r.zone_id, r.name, ${recordType}::text, r.value, ${recordTtl}::int, ${now}::timestamptz
        FROM unnest(${records.id}::text[], ${records.zoneId}::text[], ${records.name}::text[],
                    ${records.value}::text[]) AS r(id, zone_id, name, value)
      ON CONFLICT DO NOTHING
    ),
    notices AS (
      INSERT INTO "Notification" (id, "ownerId", kind, "certificateId", "dedupeKey", params, "emailStatus", "createdAt")
      SELECT n.id, i.owner_id, n.kind::"NotificationKind", i.new_id, n.dedupe_key,
             jsonb_build_object('domain', i.domain, 'certificateId', i.old_id, 'newCertificateId', i.new_id,
                                'feeMinor', i.fee, 'currency', i.currency, 'deadline', ${deadline.toISOString()}::text,
                                'recordName', i.record_name, 'recordValue', i.record_value, 'autoValidated', i.auto),
             'PENDING', ${now}::timestamptz
        FROM input i
       CROSS JOIN LATERAL (VALUES (i.paid_notice_id, 'RENEWAL_DEDUCTED', 'renewal-paid:' || i.order_id),
                                  (i.record_notice_id, 'VALIDATION_RECORD_NEEDED', 'record-needed:' || i.new_id))
             AS n(id, kind, dedupe_key)
       WHERE n.kind = 'RENEWAL_DEDUCTED' OR NOT i.auto
      ON CONFLICT DO NOTHING
    ),
    audit AS (
      INSERT INTO "AuditLog" (id, "actorId", action, "targetType", "targetId", after, ip, "createdAt")
      SELECT audit_id, ${batch.actorId}::text, ${action}::text, 'Certificate', old_id,
             jsonb_build_object('orderId', order_id, 'newCertificateId', new_id, 'feeMinor', fee,
                                'currency', currency, 'attempt', attempt),
             ${batch.ip ?? null}::text, ${now}::timestamptz
        FROM input
    )
    SELECT (SELECT count(*)::int FROM debits) AS debited`;
  if (outcome?.debited !== debitedAccounts) throw new Error("a renewal fee would take a balance below zero");
  return created;
}
