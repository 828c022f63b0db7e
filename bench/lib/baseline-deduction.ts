// The floor for the deduction step: one hand-written statement (data-modifying CTEs)
// that makes the job's writes for every due certificate at once — no claims, no
// locks, no recheck, no per-account planning, no batches. It assumes every balance
// covers its fees (the seed makes sure) and that nothing else runs.
import type pg from "pg";

export type BaselineVariant = "core" | "full";

export const BASELINE_DESCRIPTION: Record<BaselineVariant, string> = {
  core: "balance updates, ledger rows, renewal orders, new pending certificates",
  full: "core + the two notifications and the audit row per renewal the job also writes",
};

/**
 * Runs the baseline in one transaction and returns how many certificates it renewed.
 * "core" makes the writes the issue lists (balances, ledger, orders, certificates);
 * "full" adds the notifications and audit rows, i.e. every row the job writes.
 */
export async function runBaselineDeduction(
  client: pg.Client,
  input: { now: Date; horizon: Date; deadline: Date; variant: BaselineVariant },
): Promise<number> {
  const full = input.variant === "full";
  const sql = `
    WITH due AS MATERIALIZED (
      SELECT c.id, c."ownerId", c.domain, c.alias, c.tags, c.brand, c."certificateType", c."domainType", c.sans,
             c."autoUpdateResources", c."ignoreNotifications",
             a.id AS account_id, p."priceMinor" AS fee, p.currency,
             a."balanceMinor" - sum(p."priceMinor") OVER (PARTITION BY a.id ORDER BY c."expiresAt", c.id) AS balance_after,
             substr(md5(random()::text), 1, 12) AS new_id,
             md5(random()::text) AS order_id,
             md5(random()::text) AS record_value,
             '_dnsauth.' || regexp_replace(lower(c.domain), '^\\*\\.', '') AS record_name
        FROM "Certificate" c
        JOIN "BillingAccount" a ON a."ownerId" = c."ownerId"
        JOIN "Price" p ON p.brand = c.brand AND p."certificateType" = c."certificateType"
                      AND p."domainType" = c."domainType" AND p."validityYears" = 1
       WHERE c."autoRenewState" = 'ON' AND c.status = 'ISSUED' AND c."expiresAt" <= $1 AND c."expiresAt" > $2
    ),
    certificates AS (
      INSERT INTO "Certificate" (id, "ownerId", alias, tags, brand, "certificateType", "domainType", domain, sans,
                                 source, "validityYears", status, "renewsId", "autoUpdateResources",
                                 "ignoreNotifications", "validationMethod", "validationRecordName",
                                 "validationRecordValue", "validationDeadline", "createdAt", "updatedAt")
      SELECT new_id, "ownerId", alias, tags, brand, "certificateType", "domainType", domain, sans,
             'PURCHASED', 1, 'PENDING_VALIDATION', id, "autoUpdateResources", "ignoreNotifications", 'DNS',
             record_name, record_value, $3, $2, $2
        FROM due
    ),
    orders AS (
      INSERT INTO "RenewalOrder" (id, "ownerId", "certificateId", attempt, trigger, status, "priceMinor", currency,
                                  "newCertificateId", "createdAt")
      SELECT order_id, "ownerId", id, 1, 'AUTO', 'PENDING_VALIDATION', fee, currency, new_id, $2 FROM due
    ),
    ledger AS (
      INSERT INTO "LedgerEntry" (id, "accountId", kind, "amountMinor", "balanceAfterMinor", currency,
                                 "idempotencyKey", "certificateId", "renewalOrderId", "createdAt")
      SELECT md5(random()::text), account_id, 'RENEWAL_DEDUCTION', -fee, balance_after, currency,
             'renewal:' || id || ':1', id, order_id, $2
        FROM due
    ),
    balances AS (
      UPDATE "BillingAccount" a SET "balanceMinor" = a."balanceMinor" - t.total, "updatedAt" = $2
        FROM (SELECT account_id, sum(fee) AS total FROM due GROUP BY account_id) t
       WHERE a.id = t.account_id
    )
    ${
      full
        ? `,
    notices AS (
      INSERT INTO "Notification" (id, "ownerId", kind, "certificateId", "dedupeKey", params, "emailStatus", "createdAt")
      SELECT md5(random()::text), "ownerId", k.kind::"NotificationKind", new_id,
             CASE WHEN k.kind = 'RENEWAL_DEDUCTED' THEN 'renewal-paid:' || order_id ELSE 'record-needed:' || new_id END,
             jsonb_build_object('domain', domain, 'certificateId', id, 'newCertificateId', new_id, 'feeMinor', fee,
                                'currency', currency, 'deadline', $3::timestamptz, 'recordName', record_name,
                                'recordValue', record_value, 'autoValidated', false),
             'PENDING', $2
        FROM due CROSS JOIN (VALUES ('RENEWAL_DEDUCTED'), ('VALIDATION_RECORD_NEEDED')) AS k(kind)
    ),
    audit AS (
      INSERT INTO "AuditLog" (id, action, "targetType", "targetId", after, "createdAt")
      SELECT md5(random()::text), 'renewal.deduct', 'Certificate', id,
             jsonb_build_object('orderId', order_id, 'newCertificateId', new_id, 'feeMinor', fee,
                                'currency', currency, 'attempt', 1),
             $2
        FROM due
    )`
        : ""
    }
    SELECT count(*)::int AS renewed FROM due`;
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ renewed: number }>(sql, [input.horizon, input.now, input.deadline]);
    await client.query("COMMIT");
    return rows[0]?.renewed ?? 0;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
