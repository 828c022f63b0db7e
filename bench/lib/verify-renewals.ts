// What a deduction left behind, counted in SQL: the same checks for the job, the
// baseline and the scale-out run, so "same writes" and "exactly once" are facts.
import type pg from "pg";

export type RenewalFacts = {
  orders: number;
  /** Certificates with more than one order: must be 0. */
  certificatesChargedTwice: number;
  ledgerDeductions: number;
  certificatesWithDeduction: number;
  /** Accounts whose balance differs from the sum of their ledger entries: must be 0. */
  balancesNotMatchingLedger: number;
  negativeBalances: number;
  newPendingCertificates: number;
  notifications: number;
  auditRows: number;
};

export async function readRenewalFacts(client: pg.Client): Promise<RenewalFacts> {
  const { rows } = await client.query<RenewalFacts>(`
    SELECT
      (SELECT count(*) FROM "RenewalOrder")::int AS orders,
      (SELECT count(*) FROM (SELECT "certificateId" FROM "RenewalOrder" GROUP BY 1 HAVING count(*) > 1) t)::int
        AS "certificatesChargedTwice",
      (SELECT count(*) FROM "LedgerEntry" WHERE kind = 'RENEWAL_DEDUCTION')::int AS "ledgerDeductions",
      (SELECT count(DISTINCT "certificateId") FROM "LedgerEntry" WHERE kind = 'RENEWAL_DEDUCTION')::int
        AS "certificatesWithDeduction",
      (SELECT count(*) FROM "BillingAccount" a
        WHERE a."balanceMinor" <> (SELECT coalesce(sum(l."amountMinor"), 0) FROM "LedgerEntry" l
                                    WHERE l."accountId" = a.id))::int AS "balancesNotMatchingLedger",
      (SELECT count(*) FROM "BillingAccount" WHERE "balanceMinor" < 0)::int AS "negativeBalances",
      (SELECT count(*) FROM "Certificate" WHERE "renewsId" IS NOT NULL AND status = 'PENDING_VALIDATION')::int
        AS "newPendingCertificates",
      (SELECT count(*) FROM "Notification")::int AS notifications,
      (SELECT count(*) FROM "AuditLog" WHERE action = 'renewal.deduct')::int AS "auditRows"`);
  const facts = rows[0];
  if (!facts) throw new Error("no facts");
  return facts;
}

/** Exactly once for `expected` due certificates; the problems, or [] when it holds. */
export function exactlyOnceProblems(facts: RenewalFacts, expected: number): string[] {
  const problems: string[] = [];
  if (facts.orders !== expected) problems.push(`orders ${facts.orders} ≠ ${expected}`);
  if (facts.certificatesChargedTwice !== 0)
    problems.push(`${facts.certificatesChargedTwice} certificates charged twice`);
  if (facts.ledgerDeductions !== expected) problems.push(`ledger deductions ${facts.ledgerDeductions} ≠ ${expected}`);
  if (facts.certificatesWithDeduction !== expected)
    problems.push(`certificates with a deduction ${facts.certificatesWithDeduction} ≠ ${expected}`);
  if (facts.balancesNotMatchingLedger !== 0)
    problems.push(`${facts.balancesNotMatchingLedger} balances differ from their ledger`);
  if (facts.negativeBalances !== 0) problems.push(`${facts.negativeBalances} negative balances`);
  if (facts.newPendingCertificates !== expected)
    problems.push(`new pending certificates ${facts.newPendingCertificates} ≠ ${expected}`);
  return problems;
}
