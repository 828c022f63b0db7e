import "server-only";
import { type ExpressionBuilder, sql } from "kysely";
import { findPrice, listPrices } from "@/lib/billing/list-prices";
import { systemNow } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { type DbTransaction, db } from "@/lib/db/client";
import { executeStatement, queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { unnestColumn, unnestRows } from "@/lib/db/unnest-rows";
import type { Certificate, DB } from "@/lib/generated/kysely/types";
import type { AutoRenewEndReason, CertificateStatus, CertificateType, DomainType } from "@/lib/generated/prisma/enums";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";
import { logger } from "@/lib/logger";
import { DEDUCT_DAYS_BEFORE_EXPIRY } from "@/lib/renewal/auto-renew-rules";
import { createRenewals } from "@/lib/renewal/create-renewals";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";
import { sortableIds } from "@/lib/renewal/sortable-ids";
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
  /** Batches in flight at once (RENEWAL_LANES by default). */
  lanes?: number;
  /** After each committed batch: progress for the run's heartbeat. */
  onBatch?: (result: DeductStepResult) => Promise<void>;
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
 *
 * The step is database-bound, so it keeps several batches in flight ("lanes"), each
 * claiming only the certificates of its own share of the accounts: lanes never wait
 * on each other's account locks, and the database server uses more than one core.
 *
 * Each claim starts after the last row of the lane's previous one (the claim order is
 * expiry, then id), so a lane does not walk again over the rows it has renewed: they
 * stay "on" and due until their renewal is issued. Rows passed over while another
 * run held them (or their account) are picked up by a new pass from the start; the
 * lane ends when a pass finds nothing left to do.
 */
export async function deductDueRenewals(options: Options): Promise<DeductStepResult> {
  const { now } = options;
  const batchSize = options.batchSize ?? getConfig().renewalBatchSize;
  const lanes = options.lanes ?? getConfig().renewalLanes;
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
  await Promise.all(
    Array.from({ length: lanes }, (_, lane) =>
      runLane({ now, batchSize, skip, prices, jobRunId: options.jobRunId, result, lane, lanes }, options.onBatch),
    ),
  );
  return result;
}

async function runLane(context: BatchContext, onBatch: Options["onBatch"]): Promise<void> {
  const { batchSize, result } = context;
  let after: ClaimCursor | undefined;
  // Certificates charged or ended in this pass over the lane's due rows.
  let passWork = 0;
  for (;;) {
    let claim: { claimed: number; last: ClaimCursor | undefined; work: number };
    try {
      const outcome = await db.$transaction((tx) => processBatch(tx, context, after), {
        timeout: 120_000,
        maxWait: 30_000,
      });
      count(result, outcome);
      claim = { ...outcome, work: outcome.deducted + outcome.terminations.length };
    } catch (error) {
      logger.warn({ err: error }, "renewal deduction batch failed; retrying its certificates one by one");
      claim = await isolateFailures(context, after);
    }
    await onBatch?.(result);
    passWork += claim.work;
    if (claim.claimed >= batchSize) {
      after = claim.last ?? after;
      continue;
    }
    // The pass is over. Rows another run held (or whose account it held) were passed over:
    // a new pass from the start picks them up, until a pass finds nothing left to do.
    if (passWork === 0) return;
    after = undefined;
    passWork = 0;
  }
}

type BatchContext = {
  now: Date;
  batchSize: number;
  skip: string[];
  prices: Awaited<ReturnType<typeof listPrices>>;
  jobRunId: string;
  result: DeductStepResult;
  /** This lane's share of the accounts: owners whose hash modulo `lanes` is `lane`. */
  lane: number;
  lanes: number;
};

/**
 * The certificate `c` has no paid renewal under way. A correlated subquery rather than
 * NOT EXISTS on purpose: the planner turns NOT EXISTS into an anti join chosen from
 * statistics that the run itself makes stale (it inserts the orders), and picked a
 * nested loop over every order for every candidate — quadratic in the run's size.
 * The subquery is looked up per candidate through the (certificateId, attempt) index;
 * the status is filtered in the aggregate so that no stale status estimate can pull
 * the status index into the lookup (it holds every order under way).
 */
function noRenewalUnderWay(eb: ExpressionBuilder<DB & { c: Certificate }, "c">) {
  const underWay = eb
    .selectFrom("RenewalOrder as o")
    .select((order) =>
      sql<number>`count(*) FILTER (WHERE ${order.ref("o.status")}::text = ANY(${[...PAID_RENEWAL_STATUSES]}::text[]))`.as(
        "underWay",
      ),
    )
    .whereRef("o.certificateId", "=", "c.id");
  return eb(underWay, "=", sql.lit(0));
}

/** Where the previous claim of this run ended, in claim order. */
type ClaimCursor = { expiresAt: Date; id: string };

/**
 * The certificate `c` is not being reissued: the reissue revokes it once issued and takes
 * over its auto-renewal, so a renewal paid for it now would renew a certificate about to be
 * superseded. Looked up per candidate through the partial unique index on reissuesId
 * (pending reissues only, almost always empty), in the same shape as noRenewalUnderWay.
 */
function noReissueUnderWay(eb: ExpressionBuilder<DB & { c: Certificate }, "c">) {
  const underWay = eb
    .selectFrom("Certificate as r")
    .select(sql<number>`count(*)`.as("underWay"))
    .whereRef("r.reissuesId", "=", "c.id")
    .where(
      "r.status",
      "in",
      [...PENDING_STATUSES].map((status) => sql.lit<CertificateStatus>(status)),
    );
  return eb(underWay, "=", sql.lit(0));
}

async function claimDue(tx: DbTransaction, context: BatchContext, limit: number, after: ClaimCursor | undefined) {
  const horizon = addDays(context.now, DEDUCT_DAYS_BEFORE_EXPIRY);
  let claim = sqlBuilder
    .selectFrom("Certificate as c")
    .select((eb) => [
      "c.id",
      "c.ownerId",
      "c.brand",
      eb.cast<CertificateType>("c.certificateType", "text").as("certificateType"),
      eb.cast<DomainType>("c.domainType", "text").as("domainType"),
      "c.validityYears",
      // Never null here: the claim takes only rows whose expiry is before the horizon.
      eb.ref("c.expiresAt").$notNull().as("expiresAt"),
      "c.domain",
    ])
    .where("c.autoRenewState", "=", sql.lit("ON"))
    .where("c.status", "=", sql.lit("ISSUED"))
    .where("c.expiresAt", "<=", horizon);
  if (after) {
    claim = claim
      .where("c.expiresAt", ">=", after.expiresAt)
      .where((eb) =>
        eb(
          eb.refTuple("c.expiresAt", "c.id"),
          ">",
          eb.tuple(sql<Date>`${after.expiresAt}::timestamptz`, sql<string>`${after.id}::text`),
        ),
      );
  }
  if (context.lanes > 1) {
    // hashtext() is a stable built-in hash; shifted to be non-negative before the modulo.
    claim = claim.where(
      (eb) => sql<number>`(hashtext(${eb.ref("c.ownerId")})::bigint + 2147483648) % ${context.lanes}`,
      "=",
      context.lane,
    );
  }
  return queryRows(
    tx,
    claim
      .where((eb) => eb.not(eb("c.id", "=", sql<string>`ANY(${context.skip}::text[])`)))
      .where(noRenewalUnderWay)
      .where(noReissueUnderWay)
      .orderBy("c.expiresAt")
      .orderBy("c.id")
      .limit(limit)
      .forUpdate("c")
      .skipLocked(),
  );
}

type ClaimedRow = Awaited<ReturnType<typeof claimDue>>[number];

type BatchOutcome = {
  claimed: number;
  /** The last claimed row, where the next claim starts. */
  last: ClaimCursor | undefined;
  deducted: number;
  terminations: AutoRenewEndReason[];
};

/** Counts only what committed: called after the batch's transaction. */
function count(result: DeductStepResult, outcome: BatchOutcome): void {
  result.deducted += outcome.deducted;
  for (const reason of outcome.terminations) result[TERMINATION_COUNTER[reason]] += 1;
}

async function processBatch(
  tx: DbTransaction,
  context: BatchContext,
  after: ClaimCursor | undefined,
  limit = context.batchSize,
): Promise<BatchOutcome> {
  // PostgreSQL plans each foreign-key check once per connection and keeps the plan. One
  // planned while RenewalOrder was empty (a new installation's first run, the start of a
  // large one) scans it row by row for every ledger entry, and the run is what fills it:
  // quadratic, 1.7 ms per renewal by the end of 10,000. Dropping the connection's cached
  // plans once per batch lets the checks be planned against the tables as they now are.
  await tx.$executeRaw`DISCARD PLANS`;
  const claimed = await claimDue(tx, context, limit, after);
  if (claimed.length === 0) return { claimed: 0, last: undefined, deducted: 0, terminations: [] };
  const lastRow = claimed[claimed.length - 1];
  const last = lastRow && { expiresAt: lastRow.expiresAt, id: lastRow.id };
  // The claim's snapshot may predate another run's commit on a row it then locked;
  // now that the rows are ours, look again with a fresh statement before charging.
  const stillDue = new Set(
    (
      await queryRows(
        tx,
        sqlBuilder
          .selectFrom("Certificate as c")
          .select("c.id")
          .where("c.id", "=", sql<string>`ANY(${claimed.map((row) => row.id)}::text[])`)
          .where("c.autoRenewState", "=", sql.lit("ON"))
          .where("c.status", "=", sql.lit("ISSUED"))
          .where(noRenewalUnderWay)
          .where(noReissueUnderWay),
      )
    ).map((row) => row.id),
  );
  const due = claimed.filter((row) => stillDue.has(row.id));
  const owners = [...new Set(due.map((row) => row.ownerId))];
  // An account another transaction holds (another instance's batch, a manual renewal) is
  // passed over rather than waited for: its certificates stay due for a later pass, and
  // instances running the job at once work on different accounts instead of queueing.
  const accountRows = await queryRows(
    tx,
    sqlBuilder
      .selectFrom("BillingAccount")
      .select(["id", "ownerId", "balanceMinor", "currency"])
      .where("ownerId", "=", sql<string>`ANY(${owners}::text[])`)
      .forUpdate()
      .skipLocked(),
  );
  const accounts = new Map<string, AccountState>(
    accountRows.map((row) => [
      row.ownerId,
      { accountId: row.id, balanceMinor: row.balanceMinor, currency: row.currency },
    ]),
  );
  const unlocked = owners.filter((owner) => !accounts.has(owner));
  const busy = new Set(
    unlocked.length === 0
      ? []
      : (
          await queryRows(
            tx,
            sqlBuilder
              .selectFrom("BillingAccount")
              .select("ownerId")
              .where("ownerId", "=", sql<string>`ANY(${unlocked}::text[])`),
          )
        ).map((row) => row.ownerId),
  );
  const plan = planDeductions(
    due.filter((row) => !busy.has(row.ownerId)) as DueCertificate[],
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
      // The price row the fee came from names the renewal's issuer: one lookup decides both.
      issuerId: findPrice(context.prices, deduction.certificate)?.issuerId ?? null,
    })),
    trigger: "AUTO",
    actorId: null,
    jobRunId: context.jobRunId,
    now: context.now,
  });
  await terminate(tx, plan.terminations, due, context.now);

  return {
    claimed: claimed.length,
    last,
    deducted: plan.deductions.length,
    terminations: plan.terminations.map((termination) => termination.reason),
  };
}

/** Ends auto-renewal for these certificates, with a notice and an audit entry each, in one statement. */
async function terminate(
  tx: DbTransaction,
  terminations: { certificate: DueCertificate; reason: AutoRenewEndReason }[],
  rows: ClaimedRow[],
  now: Date,
): Promise<void> {
  if (terminations.length === 0) return;
  const domains = new Map(rows.map((row) => [row.id, row.domain]));
  const nextId = sortableIds(systemNow());
  const ids = terminations.map(({ certificate }) => certificate.id);
  const owners = terminations.map(({ certificate }) => certificate.ownerId);
  const reasons = terminations.map(({ reason }) => reason);
  const domainNames = terminations.map(({ certificate }) => domains.get(certificate.id) ?? "");
  const dedupeKeys = terminations.map(
    ({ certificate }) => `terminated:${certificate.id}:${certificate.expiresAt.toISOString()}`,
  );
  const noticeIds = terminations.map(() => nextId());
  const auditIds = terminations.map(() => nextId());
  await executeStatement(
    tx,
    sqlBuilder
      .with("input", (db) =>
        db
          .selectFrom(
            unnestRows("t", {
              id: unnestColumn.text(ids),
              owner_id: unnestColumn.text(owners),
              reason: unnestColumn.text(reasons),
              domain: unnestColumn.text(domainNames),
              dedupe_key: unnestColumn.text(dedupeKeys),
              notice_id: unnestColumn.text(noticeIds),
              audit_id: unnestColumn.text(auditIds),
            }),
          )
          .selectAll(),
      )
      .with("ended", (db) =>
        db
          .updateTable("Certificate as c")
          .from("input as t")
          .set({
            autoRenewState: sql.lit("TERMINATED"),
            autoRenewEndReason: sql`t.reason::"AutoRenewEndReason"`,
            autoRenewChangedAt: sql`${now}::timestamptz`,
            updatedAt: sql`CURRENT_TIMESTAMP`,
          })
          .whereRef("c.id", "=", "t.id"),
      )
      .with("notices", (db) =>
        db
          .insertInto("Notification")
          .columns(["id", "ownerId", "kind", "certificateId", "dedupeKey", "params", "emailStatus", "createdAt"])
          .expression(
            db
              .selectFrom("input")
              .select([
                "notice_id",
                "owner_id",
                sql.lit("AUTO_RENEW_TERMINATED").as("kind"),
                "id",
                "dedupe_key",
                sql`jsonb_build_object('domain', domain, 'certificateId', id, 'reason', reason)`.as("params"),
                sql.lit("PENDING").as("emailStatus"),
                sql`${now}::timestamptz`.as("createdAt"),
              ]),
          )
          .onConflict((conflict) => conflict.doNothing()),
      )
      .insertInto("AuditLog")
      .columns(["id", "actorId", "action", "targetType", "targetId", "before", "after", "createdAt"])
      .expression((db) =>
        db
          .selectFrom("input")
          .select([
            "audit_id",
            sql.lit(null).as("actorId"),
            sql.lit("certificate.auto_renew.terminate").as("action"),
            sql.lit("Certificate").as("targetType"),
            "id",
            sql`'{"autoRenewState": "ON"}'::jsonb`.as("before"),
            sql`jsonb_build_object('autoRenewState', 'TERMINATED', 'autoRenewEndReason', reason)`.as("after"),
            sql`${now}::timestamptz`.as("createdAt"),
          ]),
      ),
  );
}

/**
 * A batch failed as a whole: take its certificates one per transaction, so only the
 * ones that fail on their own are skipped (and reported) for the rest of this run.
 */
async function isolateFailures(
  context: BatchContext,
  after: ClaimCursor | undefined,
): Promise<{ claimed: number; last: ClaimCursor | undefined; work: number }> {
  let processed = 0;
  let work = 0;
  let last = after;
  for (let i = 0; i < context.batchSize; i++) {
    let claimedRow: ClaimedRow | undefined;
    try {
      const outcome = await db.$transaction(async (tx) => {
        const [row] = await claimDue(tx, context, 1, last);
        claimedRow = row;
        return row ? processBatch(tx, context, last, 1) : null;
      });
      if (!outcome) break;
      count(context.result, outcome);
      last = outcome.last ?? last;
      processed += 1;
      work += outcome.deducted + outcome.terminations.length;
    } catch (error) {
      if (!claimedRow) throw error;
      context.skip.push(claimedRow.id);
      context.result.errors.push({
        certificateId: claimedRow.id,
        message: error instanceof Error ? error.message : String(error),
      });
      last = { expiresAt: claimedRow.expiresAt, id: claimedRow.id };
      processed += 1;
      work += 1;
    }
  }
  return { claimed: processed, last, work };
}
