import "server-only";
import { findPrice, listPrices } from "@/lib/billing/list-prices";
import { getConfig } from "@/lib/config";
import { type DbTransaction, db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AutoRenewEndReason, CertificateType, DomainType } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { DEDUCT_DAYS_BEFORE_EXPIRY } from "@/lib/renewal/auto-renew-rules";
import { createRenewals } from "@/lib/renewal/create-renewals";
import { type AccountState, type DueCertificate, planDeductions } from "@/lib/renewal-job/plan-deductions";
import { addDays } from "@/lib/time";

export type DeductStepResult = {
  deducted: number;
  terminatedInsufficientBalance: number;
  terminatedExpired: number;
  terminatedNotEligible: number;
  errors: { certificateId?: string; message: string }[];
};

type Options = {
  now: Date;
  jobRunId: string;
  batchSize?: number;
  /** After each committed batch: progress for the run's heartbeat. */
  onBatch?: (result: DeductStepResult) => Promise<void>;
};

type ClaimedRow = {
  id: string;
  ownerId: string;
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  validityYears: number;
  expiresAt: Date;
  domain: string;
};

const TERMINATION_COUNTER = {
  INSUFFICIENT_BALANCE: "terminatedInsufficientBalance",
  EXPIRED_BEFORE_DEDUCTION: "terminatedExpired",
  NOT_ELIGIBLE: "terminatedNotEligible",
  VALIDATION_TIMED_OUT: "terminatedNotEligible",
} as const satisfies Record<AutoRenewEndReason, keyof DeductStepResult>;

/**
 * Step 1: for every certificate with auto-renewal on whose deduction time has come,
 * deduct the fee and create the renewal, or end auto-renewal. Works in batches, each
 * one transaction: rows are claimed with FOR UPDATE SKIP LOCKED, so runs that overlap
 * (or run on several instances) share the work instead of repeating it, and a run
 * killed halfway leaves only whole batches behind.
 */
export async function deductDueRenewals(options: Options): Promise<DeductStepResult> {
  const { now } = options;
  const batchSize = options.batchSize ?? getConfig().renewalBatchSize;
  const result: DeductStepResult = {
    deducted: 0,
    terminatedInsufficientBalance: 0,
    terminatedExpired: 0,
    terminatedNotEligible: 0,
    errors: [],
  };
  const prices = await listPrices();
  // Certificates that failed on their own in this run; skipped so a bad row cannot stall it.
  const skip: string[] = [];

  const context: BatchContext = { now, batchSize, skip, prices, jobRunId: options.jobRunId, result };
  for (;;) {
    let claimed = 0;
    try {
      const outcome = await db.$transaction((tx) => processBatch(tx, context), { timeout: 120_000, maxWait: 30_000 });
      count(result, outcome);
      claimed = outcome.claimed;
    } catch (error) {
      logger.warn({ err: error }, "renewal deduction batch failed; retrying its certificates one by one");
      claimed = await isolateFailures(context);
    }
    await options.onBatch?.(result);
    if (claimed < batchSize) return result;
  }
}

type BatchContext = {
  now: Date;
  batchSize: number;
  skip: string[];
  prices: Awaited<ReturnType<typeof listPrices>>;
  jobRunId: string;
  result: DeductStepResult;
};

async function claimDue(tx: DbTransaction, context: BatchContext, limit: number): Promise<ClaimedRow[]> {
  const horizon = addDays(context.now, DEDUCT_DAYS_BEFORE_EXPIRY);
  return tx.$queryRaw<ClaimedRow[]>`
    SELECT c.id, c."ownerId", c.brand, c."certificateType"::text AS "certificateType",
           c."domainType"::text AS "domainType", c."validityYears", c."expiresAt", c.domain
      FROM "Certificate" c
     WHERE c."autoRenewState" = 'ON' AND c.status = 'ISSUED'
       AND c."expiresAt" <= ${horizon}
       AND NOT (c.id = ANY(${context.skip}::text[]))
       AND NOT EXISTS (SELECT 1 FROM "RenewalOrder" o
                        WHERE o."certificateId" = c.id AND o.status IN ('PENDING_VALIDATION', 'ISSUED'))
     ORDER BY c."expiresAt", c.id
     LIMIT ${limit}
     FOR UPDATE OF c SKIP LOCKED`;
}

type BatchOutcome = { claimed: number; deducted: number; terminations: AutoRenewEndReason[] };

/** Counts only what committed: called after the batch's transaction. */
function count(result: DeductStepResult, outcome: BatchOutcome): void {
  result.deducted += outcome.deducted;
  for (const reason of outcome.terminations) result[TERMINATION_COUNTER[reason]] += 1;
}

async function processBatch(
  tx: DbTransaction,
  context: BatchContext,
  limit = context.batchSize,
): Promise<BatchOutcome> {
  const claimed = await claimDue(tx, context, limit);
  if (claimed.length === 0) return { claimed: 0, deducted: 0, terminations: [] };
  // The claim's snapshot may predate another run's commit on a row it then locked;
  // now that the rows are ours, look again with a fresh statement before charging.
  const stillDue = new Set(
    (
      await tx.$queryRaw<{ id: string }[]>`
        SELECT c.id FROM "Certificate" c
         WHERE c.id = ANY(${claimed.map((row) => row.id)}::text[])
           AND c."autoRenewState" = 'ON' AND c.status = 'ISSUED'
           AND NOT EXISTS (SELECT 1 FROM "RenewalOrder" o
                            WHERE o."certificateId" = c.id AND o.status IN ('PENDING_VALIDATION', 'ISSUED'))`
    ).map((row) => row.id),
  );
  const due = claimed.filter((row) => stillDue.has(row.id));
  const owners = [...new Set(due.map((row) => row.ownerId))];
  // Accounts are locked in id order, so concurrent batches never wait on each other in a cycle.
  const accountRows = await tx.$queryRaw<{ id: string; ownerId: string; balanceMinor: number; currency: string }[]>`
    SELECT id, "ownerId", "balanceMinor", currency FROM "BillingAccount"
     WHERE "ownerId" = ANY(${owners}::text[]) ORDER BY id FOR UPDATE`;
  const accounts = new Map<string, AccountState>(
    accountRows.map((row) => [
      row.ownerId,
      { accountId: row.id, balanceMinor: row.balanceMinor, currency: row.currency },
    ]),
  );
  const plan = planDeductions(
    due as DueCertificate[],
    (certificate) => findPrice(context.prices, certificate),
    accounts,
    context.now,
  );

  await createRenewals(tx, {
    renewals: plan.deductions.map((deduction) => ({
      certificateId: deduction.certificate.id,
      ownerId: deduction.certificate.ownerId,
      accountId: deduction.accountId,
      feeMinor: deduction.feeMinor,
      currency: deduction.currency,
      balanceAfterMinor: deduction.balanceAfterMinor,
    })),
    trigger: "AUTO",
    actorId: null,
    jobRunId: context.jobRunId,
    now: context.now,
  });
  await terminate(tx, plan.terminations, due, context.now);

  return {
    claimed: claimed.length,
    deducted: plan.deductions.length,
    terminations: plan.terminations.map((termination) => termination.reason),
  };
}

async function terminate(
  tx: DbTransaction,
  terminations: { certificate: DueCertificate; reason: AutoRenewEndReason }[],
  rows: ClaimedRow[],
  now: Date,
): Promise<void> {
  if (terminations.length === 0) return;
  const domains = new Map(rows.map((row) => [row.id, row.domain]));
  const byReason = new Map<AutoRenewEndReason, string[]>();
  for (const { certificate, reason } of terminations)
    byReason.set(reason, [...(byReason.get(reason) ?? []), certificate.id]);
  for (const [reason, ids] of byReason) {
    await tx.certificate.updateMany({
      where: { id: { in: ids } },
      data: { autoRenewState: "TERMINATED", autoRenewEndReason: reason, autoRenewChangedAt: now },
    });
  }
  const notifications: Prisma.NotificationCreateManyInput[] = terminations.map(({ certificate, reason }) => ({
    ownerId: certificate.ownerId,
    kind: "AUTO_RENEW_TERMINATED",
    certificateId: certificate.id,
    dedupeKey: `terminated:${certificate.id}:${certificate.expiresAt.toISOString()}`,
    params: { domain: domains.get(certificate.id) ?? "", certificateId: certificate.id, reason },
    emailStatus: "PENDING",
    createdAt: now,
  }));
  await tx.notification.createMany({ data: notifications, skipDuplicates: true });
  await tx.auditLog.createMany({
    data: terminations.map(({ certificate, reason }) => ({
      actorId: null,
      action: "certificate.auto_renew.terminate",
      targetType: "Certificate",
      targetId: certificate.id,
      before: { autoRenewState: "ON" },
      after: { autoRenewState: "TERMINATED", autoRenewEndReason: reason },
      createdAt: now,
    })),
  });
}

/**
 * A batch failed as a whole: take its certificates one per transaction, so only the
 * ones that fail on their own are skipped (and reported) for the rest of this run.
 */
async function isolateFailures(context: BatchContext): Promise<number> {
  let processed = 0;
  for (let i = 0; i < context.batchSize; i++) {
    let claimedId: string | undefined;
    try {
      const outcome = await db.$transaction(async (tx) => {
        const [row] = await claimDue(tx, context, 1);
        claimedId = row?.id;
        return row ? processBatch(tx, context, 1) : null;
      });
      if (!outcome) break;
      count(context.result, outcome);
      processed += 1;
    } catch (error) {
      if (!claimedId) throw error;
      context.skip.push(claimedId);
      context.result.errors.push({
        certificateId: claimedId,
        message: error instanceof Error ? error.message : String(error),
      });
      processed += 1;
    }
  }
  return processed;
}
