import "server-only";
import { sql } from "kysely";
import { systemNow } from "@/lib/clock";
import type { DbTransaction } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { unnestColumn, unnestRows } from "@/lib/db/unnest-rows";
import {
  createValidationRecord,
  findHostedZone,
  VALIDATION_RECORD_TTL,
  VALIDATION_RECORD_TYPE,
} from "@/lib/dns/validation-record";
import { domainOfValidationRecord } from "@/lib/dns-hosting/validation-delegation-names";
import type { LedgerKind, RenewalTrigger, ValidationMethod } from "@/lib/generated/prisma/enums";
import { newCertificateId, randomId } from "@/lib/ids";
import { validationDeadline } from "@/lib/renewal/auto-renew-rules";
import { sortableIds } from "@/lib/renewal/sortable-ids";
import {
  certificateNames,
  dnsValidationTargets,
  fileValidationAllowed,
  fileValidationTargets,
} from "@/lib/validation/list-validation-targets";

export type PaidRenewal = {
  certificateId: string;
  ownerId: string;
  accountId: string;
  feeMinor: number;
  currency: string;
  /** The owner's balance after this fee, as computed under the account lock. */
  balanceAfterMinor: number;
  /**
   * Who issues the renewal: the issuer of the price row the fee came from (findPrice over
   * listPrices, the renewal's one-year paid product), decided by the caller; null for the built-in CA.
   */
  issuerId: string | null;
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

type Zone = { id: string; name: string; ownerId: string };

/**
 * Makes the renewals the caller has decided and locked: for each certificate the
 * fee is deducted (conditional balance update + ledger entry), a renewal order and
 * the new certificate "pending validation" with a 7-day deadline are created, the
 * customer gets the "fee deducted" notice (and "add this record" unless the domain
 * is in one of their hosted zones, where the DNS validation record is queued for the
 * DNS server, or set up for automatic validation by a CNAME delegation), and
 * the audit log gets one entry per renewal. Set-based: whatever the batch size, it
 * costs three reads and one statement. The order's unique (certificateId, attempt)
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
  const sources = await queryRows(
    tx,
    sqlBuilder
      .selectFrom("Certificate as c")
      .select((eb) => [
        "c.id",
        "c.domain",
        "c.sans",
        "c.validationMethod",
        eb
          .selectFrom("RenewalOrder as o")
          .select(sql<number>`count(*)::int`.as("timedOut"))
          .whereRef("o.certificateId", "=", "c.id")
          .where("o.status", "=", sql.lit("TIMED_OUT"))
          .$asScalar()
          .$notNull()
          .as("timedOut"),
      ])
      .where("c.id", "=", sql<string>`ANY(${ids}::text[])`),
  );
  const zones = await queryRows(
    tx,
    sqlBuilder
      .selectFrom("HostedZone")
      .select((eb) => ["id", "name", eb.ref("ownerId").$notNull().as("ownerId")])
      .where("ownerId", "=", sql<string>`ANY(${owners}::text[])`)
      .where("removingAt", "is", null),
  );
  // Third-party domains whose _acme-challenge CNAME points into our validation zone: the
  // validation check writes their records there (lib/dns/check-validation-record.ts).
  const delegations = await queryRows(
    tx,
    sqlBuilder
      .selectFrom("ValidationDelegation")
      .select(["ownerId", "domain"])
      .where("ownerId", "=", sql<string>`ANY(${owners}::text[])`)
      .where("verifiedAt", "is not", null),
  );
  const source = new Map(sources.map((row) => [row.id, row]));
  const zonesByOwner = new Map<string, Zone[]>();
  for (const zone of zones) zonesByOwner.set(zone.ownerId, [...(zonesByOwner.get(zone.ownerId) ?? []), zone]);
  const delegated = new Set(delegations.map((row) => `${row.ownerId} ${row.domain}`));

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
    status: [] as string[],
    issuerId: [] as (string | null)[],
    method: [] as string[],
    recordName: [] as string[],
    fileUrls: [] as string[],
    recordValue: [] as string[],
    ledgerId: [] as string[],
    paidNoticeId: [] as string[],
    recordNoticeId: [] as string[],
    auditId: [] as string[],
  };
  const records = {
    id: [] as string[],
    zoneId: [] as string[],
    name: [] as string[],
    value: [] as string[],
    certificateId: [] as string[],
  };
  const recordType = VALIDATION_RECORD_TYPE;
  const recordTtl = VALIDATION_RECORD_TTL;

  for (const renewal of renewals) {
    const old = source.get(renewal.certificateId);
    if (!old) throw new Error(`certificate ${renewal.certificateId} vanished while locked`);
    const newId = newCertificateId();
    const orderId = randomId(24);
    // The records (or files) the check will look for: the one rule of list-validation-targets.
    const token = createValidationRecord(old.domain).value;
    const covered = certificateNames(old.domain, old.sans);
    const dnsRecords = dnsValidationTargets(covered, token);
    const ownerZones = zonesByOwner.get(renewal.ownerId) ?? [];
    const zoneOf = (name: string) => {
      const zoneName = findHostedZone(
        name,
        ownerZones.map((zone) => zone.name),
      );
      return ownerZones.find((candidate) => candidate.name === zoneName);
    };
    const hosted = dnsRecords.map((record) => zoneOf(record.name));
    // An ACME issuer's CA validates over DNS-01: the job makes the order, then writes its
    // _acme-challenge records into the owner's zones or tells the customer which to add
    // (lib/issuance/advance-acme-certificate.ts), as for a new order; no _dnsauth record here.
    const acme = renewal.issuerId !== null;
    // A third-party name whose _acme-challenge CNAME points into our validation zone is
    // validated by us too: the check (lib/dns/check-validation-record.ts), or for an ACME
    // issuer the job, writes its value there.
    const isDelegated = (name: string) => delegated.has(`${renewal.ownerId} ${domainOfValidationRecord(name) ?? ""}`);
    const auto = dnsRecords.every((record, index) => Boolean(hosted[index]) || isDelegated(record.name));
    // (ours) A certificate validated by file is renewed by file, unless every name is hosted with us.
    const method: ValidationMethod = auto
      ? "DNS_AUTO"
      : !acme && old.validationMethod === "FILE" && fileValidationAllowed(covered)
        ? "FILE"
        : "DNS";
    const files = method === "FILE" ? fileValidationTargets(covered, token) : [];
    const recordName = method === "FILE" ? (files[0]?.url ?? "") : (dnsRecords[0]?.name ?? "");

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
    rows.auto.push(auto);
    // As a new ACME order: pending until the CA has validated, whoever writes the records.
    rows.status.push(auto && !acme ? "DNS_RECORD_ADDED" : "PENDING_VALIDATION");
    rows.issuerId.push(renewal.issuerId);
    rows.method.push(method);
    rows.recordName.push(recordName);
    rows.fileUrls.push(files.map((file) => file.url).join(", "));
    rows.recordValue.push(token);
    // Ids in plan order: entries of one account made at one instant sort as they were charged.
    rows.ledgerId.push(nextId());
    rows.paidNoticeId.push(nextId());
    rows.recordNoticeId.push(nextId());
    rows.auditId.push(nextId());
    // Records for names in the owner's zones are added even when others must be added by hand.
    for (const [index, record] of dnsRecords.entries()) {
      const zone = hosted[index];
      if (!zone || method === "FILE" || acme) continue;
      records.id.push(nextId());
      records.zoneId.push(zone.id);
      records.name.push(record.name);
      records.value.push(record.value);
      records.certificateId.push(newId);
    }
    created.push({ ...renewal, orderId, newCertificateId: newId, autoValidated: auto });
  }

  const kind: LedgerKind = batch.trigger === "AUTO" ? "RENEWAL_DEDUCTION" : "MANUAL_RENEWAL";
  const action = batch.trigger === "AUTO" ? "renewal.deduct" : "renewal.manual";
  const debitedAccounts = new Set(created.filter((row) => row.feeMinor > 0).map((row) => row.accountId)).size;
  // One statement: every sub-statement sees the same snapshot and foreign keys are
  // checked at its end, so the order of the parts does not matter. The balance
  // update keeps the guard of every ledger posting (never below zero); it reports
  // the accounts it changed, and a shortfall rolls the whole batch back below.
  const noticeParams = sql`jsonb_build_object('domain', i.domain, 'certificateId', i.old_id, 'newCertificateId', i.new_id,
                                'feeMinor', i.fee, 'currency', i.currency, 'deadline', ${deadline.toISOString()}::text,
                                'recordName', i.record_name, 'recordValue', i.record_value, 'autoValidated', i.auto,
                                'method', i.method, 'fileUrls', i.file_urls)`;
  const [outcome] = await queryRows(
    tx,
    sqlBuilder
      .with("input", (db) =>
        db
          .selectFrom(
            unnestRows("i", {
              old_id: unnestColumn.text(rows.oldId),
              new_id: unnestColumn.text(rows.newId),
              owner_id: unnestColumn.text(rows.ownerId),
              order_id: unnestColumn.text(rows.orderId),
              attempt: unnestColumn.int(rows.attempt),
              fee: unnestColumn.int(rows.fee),
              currency: unnestColumn.text(rows.currency),
              account_id: unnestColumn.text(rows.accountId),
              balance_after: unnestColumn.int(rows.balanceAfter),
              domain: unnestColumn.text(rows.domain),
              auto: unnestColumn.boolean(rows.auto),
              status: unnestColumn.text(rows.status),
              issuer_id: unnestColumn.nullableText(rows.issuerId),
              method: unnestColumn.text(rows.method),
              record_name: unnestColumn.text(rows.recordName),
              file_urls: unnestColumn.text(rows.fileUrls),
              record_value: unnestColumn.text(rows.recordValue),
              ledger_id: unnestColumn.text(rows.ledgerId),
              paid_notice_id: unnestColumn.text(rows.paidNoticeId),
              record_notice_id: unnestColumn.text(rows.recordNoticeId),
              audit_id: unnestColumn.text(rows.auditId),
            }),
          )
          .selectAll(),
      )
      .with("debits", (db) =>
        db
          .updateTable("BillingAccount as a")
          .from(
            db
              .selectFrom("input")
              .select(["account_id", sql<number>`sum(fee)::int`.as("amount")])
              .where("fee", ">", sql.lit(0))
              .groupBy("account_id")
              .as("d"),
          )
          .set((eb) => ({
            balanceMinor: eb("a.balanceMinor", "-", eb.ref("d.amount")),
            updatedAt: sql`${now}::timestamptz`,
          }))
          .whereRef("a.id", "=", "d.account_id")
          .where((eb) => eb(eb("a.balanceMinor", "-", eb.ref("d.amount")), ">=", sql.lit(0)))
          .returning("a.id"),
      )
      .with("certificates", (db) =>
        db
          .insertInto("Certificate")
          .columns([
            "id",
            "ownerId",
            "alias",
            "tags",
            "brand",
            "certificateType",
            "domainType",
            "domain",
            "sans",
            "source",
            "validityYears",
            "status",
            "renewsId",
            "autoUpdateResources",
            "ignoreNotifications",
            "validationMethod",
            "validationRecordName",
            "validationRecordValue",
            "validationDeadline",
            "csrPem",
            "issuerId",
            "createdAt",
            "updatedAt",
          ])
          .expression(
            db
              .selectFrom("input as i")
              // A lateral lookup with LIMIT 1 keeps the planner on the primary key: a plain join
              // is estimated cheaper as a hash join, which reads the whole Certificate table for
              // every batch (7 ms a batch at 20,000 rows, growing with the table).
              .innerJoinLateral(
                (eb) =>
                  eb
                    .selectFrom("Certificate as source")
                    .select([
                      "source.id",
                      "source.alias",
                      "source.tags",
                      "source.brand",
                      "source.certificateType",
                      "source.domainType",
                      "source.domain",
                      "source.sans",
                      "source.autoUpdateResources",
                      "source.ignoreNotifications",
                      "source.csrPem",
                    ])
                    .whereRef("source.id", "=", "i.old_id")
                    .limit(1)
                    .as("c"),
                (join) => join.onTrue(),
              )
              .select((eb) => [
                "i.new_id",
                "i.owner_id",
                "c.alias",
                "c.tags",
                "c.brand",
                "c.certificateType",
                "c.domainType",
                "c.domain",
                "c.sans",
                sql.lit("PURCHASED").as("source"),
                sql.lit(1).as("validityYears"),
                sql`${eb.ref("i.status")}::"CertificateStatus"`.as("status"),
                "c.id",
                "c.autoUpdateResources",
                "c.ignoreNotifications",
                sql`${eb.ref("i.method")}::"ValidationMethod"`.as("validationMethod"),
                "i.record_name",
                "i.record_value",
                sql`${deadline}::timestamptz`.as("validationDeadline"),
                // A certificate issued for the customer's CSR renews for the same key: CertDesk holds no other.
                "c.csrPem",
                "i.issuer_id",
                sql`${now}::timestamptz`.as("createdAt"),
                sql`CURRENT_TIMESTAMP`.as("updatedAt"),
              ]),
          ),
      )
      .with("orders", (db) =>
        db
          .insertInto("RenewalOrder")
          .columns([
            "id",
            "ownerId",
            "certificateId",
            "attempt",
            "trigger",
            "status",
            "priceMinor",
            "currency",
            "newCertificateId",
            "jobRunId",
            "createdAt",
          ])
          .expression(
            db
              .selectFrom("input")
              .select([
                "order_id",
                "owner_id",
                "old_id",
                "attempt",
                sql`${batch.trigger}::text::"RenewalTrigger"`.as("trigger"),
                sql.lit("PENDING_VALIDATION").as("status"),
                "fee",
                "currency",
                "new_id",
                sql`${batch.jobRunId}::text`.as("jobRunId"),
                sql`${now}::timestamptz`.as("createdAt"),
              ]),
          ),
      )
      .with("ledger", (db) =>
        db
          .insertInto("LedgerEntry")
          .columns([
            "id",
            "accountId",
            "kind",
            "amountMinor",
            "balanceAfterMinor",
            "currency",
            "idempotencyKey",
            "certificateId",
            "renewalOrderId",
            "actorId",
            "createdAt",
          ])
          .expression(
            db
              .selectFrom("input")
              .select([
                "ledger_id",
                "account_id",
                sql`${kind}::text::"LedgerKind"`.as("kind"),
                sql`-fee`.as("amountMinor"),
                "balance_after",
                "currency",
                sql`'renewal:' || old_id || ':' || attempt`.as("idempotencyKey"),
                "old_id",
                "order_id",
                sql`${batch.actorId}::text`.as("actorId"),
                sql`${now}::timestamptz`.as("createdAt"),
              ])
              .where("fee", ">", sql.lit(0)),
          ),
      )
      .with("dns", (db) =>
        db
          .insertInto("DnsRecord")
          .columns(["id", "zoneId", "name", "type", "value", "ttl", "certificateId", "createdAt"])
          .expression(
            db
              .selectFrom(
                unnestRows("r", {
                  id: unnestColumn.text(records.id),
                  zone_id: unnestColumn.text(records.zoneId),
                  name: unnestColumn.text(records.name),
                  value: unnestColumn.text(records.value),
                  certificate_id: unnestColumn.text(records.certificateId),
                }),
              )
              .select([
                "r.id",
                "r.zone_id",
                "r.name",
                sql`${recordType}::text`.as("type"),
                "r.value",
                sql`${recordTtl}::int`.as("ttl"),
                "r.certificate_id",
                sql`${now}::timestamptz`.as("createdAt"),
              ]),
          )
          .onConflict((conflict) => conflict.doNothing()),
      )
      // No ON CONFLICT: both dedupe keys name an order or certificate made in this statement,
      // so none can exist yet, and a speculative insertion per notice cost the step 10 %.
      .with("notices", (db) =>
        db
          .insertInto("Notification")
          .columns(["id", "ownerId", "kind", "certificateId", "dedupeKey", "params", "emailStatus", "createdAt"])
          .expression(
            db
              .selectFrom("input as i")
              .crossJoinLateral(
                sql<{
                  id: string;
                  kind: string;
                  dedupe_key: string;
                }>`(VALUES (i.paid_notice_id, 'RENEWAL_DEDUCTED', 'renewal-paid:' || i.order_id),
                                  (i.record_notice_id, 'VALIDATION_RECORD_NEEDED', 'record-needed:' || i.new_id))`.as<"n">(
                  sql`n(id, kind, dedupe_key)`,
                ),
              )
              .select([
                "n.id",
                "i.owner_id",
                sql`n.kind::"NotificationKind"`.as("kind"),
                "i.new_id",
                "n.dedupe_key",
                noticeParams.as("params"),
                sql.lit("PENDING").as("emailStatus"),
                sql`${now}::timestamptz`.as("createdAt"),
              ])
              // An ACME renewal's record is known once its order exists: that notice comes
              // from the job (lib/issuance/advance-acme-certificate.ts), under the same dedupe key.
              .where((eb) =>
                eb.or([
                  eb("n.kind", "=", sql.lit("RENEWAL_DEDUCTED")),
                  eb.and([eb.not(eb.ref("i.auto")), eb("i.issuer_id", "is", null)]),
                ]),
              ),
          ),
      )
      .with("audit", (db) =>
        db
          .insertInto("AuditLog")
          .columns(["id", "actorId", "action", "targetType", "targetId", "after", "ip", "createdAt"])
          .expression(
            db.selectFrom("input").select([
              "audit_id",
              sql`${batch.actorId}::text`.as("actorId"),
              sql`${action}::text`.as("action"),
              sql.lit("Certificate").as("targetType"),
              "old_id",
              sql`jsonb_build_object('orderId', order_id, 'newCertificateId', new_id, 'feeMinor', fee,
                                'currency', currency, 'attempt', attempt)`.as("after"),
              sql`${batch.ip ?? null}::text`.as("ip"),
              sql`${now}::timestamptz`.as("createdAt"),
            ]),
          ),
      )
      .selectNoFrom((eb) => eb.selectFrom("debits").select(sql<number>`count(*)::int`.as("debited")).as("debited")),
  );
  if (outcome?.debited !== debitedAccounts) throw new Error("a renewal fee would take a balance below zero");
  return created;
}
