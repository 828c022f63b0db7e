import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/db/client";
import { executeStatement, queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { attemptTargetDeployment } from "@/lib/deployment-targets/attempt-target-deployment";
import { TARGET_HOLD_MS } from "@/lib/deployment-targets/hold-target";
import { verifyTargetDeployment } from "@/lib/deployment-targets/verify-target-deployment";
import { logger } from "@/lib/logger";
import { addDays } from "@/lib/time";

/** Renewals issued this long ago (by the job's clock) are still deployed, and their deployments re-checked. */
export const DEPLOY_LOOK_BACK_DAYS = 7;
/** Deployments attempted at once (each to its own target, so different servers). */
const CONCURRENCY = 4;
/** A target held by someone else (a customer's deployment) is tried again this much later. */
const BUSY_RETRY_MS = 60_000;
const HEARTBEAT_MS = 30_000;

export type DeployStepResult = {
  /** Automatic deployments created for renewals issued since the last run. */
  queued: number;
  deployed: number;
  /** Ended failed, rolled back or needing attention, with no attempt left. */
  failed: number;
  /** Failed and waiting for a later run. */
  retrying: number;
  /** Deployments found "not serving" earlier that serve now. */
  reverified: number;
  errors: { certificateId?: string; message: string }[];
};

/**
 * Job step "deploy", after "issue": the automatic deployment after renewal (the
 * certificate's opt-in, `autoUpdateResources`). Every renewal issued in the last days is
 * deployed to the owner's targets that serve the certificate it renewed, once (a unique
 * index); each deployment due is claimed (FOR UPDATE SKIP LOCKED, leased until its attempt
 * must have ended, so overlapping runs never run one twice and a dead run's is taken over),
 * attempted and verified; failures wait for a later run on the retry schedule and are never
 * dropped: the customer is told of the first and the last, and of success. Deployments found
 * "not serving" are checked again at every run until they serve, as long as their
 * certificate is recent. `now` is the job's clock (which renewals, what the console shows);
 * `realNow` reads wall time (leases, the retry schedule).
 */
export async function deployRenewedCertificates(options: {
  now: Date;
  realNow: () => Date;
  onProgress?: () => Promise<unknown>;
  settleMs?: number;
}): Promise<DeployStepResult> {
  const result: DeployStepResult = { queued: 0, deployed: 0, failed: 0, retrying: 0, reverified: 0, errors: [] };
  const heartbeat = options.onProgress
    ? setInterval(() => {
        options.onProgress?.().catch((error: unknown) => logger.warn({ err: error }, "job heartbeat failed"));
      }, HEARTBEAT_MS)
    : null;
  try {
    await closeInterruptedManualDeployments(options.realNow());
    result.queued = await queueAutomaticDeployments(options.now, options.realNow());
    for (;;) {
      const claimed = await claimDueDeployments(options.realNow(), CONCURRENCY);
      await Promise.all(claimed.map((deployment) => attemptOne(deployment, options, result)));
      if (claimed.length < CONCURRENCY) break;
    }
    await recheckNotServing(options, result);
    return result;
  } finally {
    if (heartbeat) clearInterval(heartbeat);
  }
}

async function attemptOne(
  deployment: { id: string; certificateId: string },
  options: { now: Date; realNow: () => Date; settleMs?: number },
  result: DeployStepResult,
): Promise<void> {
  try {
    const attempted = await attemptTargetDeployment({
      deploymentId: deployment.id,
      now: options.now,
      realNow: options.realNow(),
      settleMs: options.settleMs,
    });
    if (attempted.busy) {
      await db.targetDeployment.updateMany({
        where: { id: deployment.id, status: "RUNNING" },
        data: {
          status: "PENDING",
          attempts: { decrement: 1 },
          nextAttemptAt: new Date(options.realNow().getTime() + BUSY_RETRY_MS),
        },
      });
      return;
    }
    if (attempted.status === "DEPLOYED") result.deployed += 1;
    else if (attempted.status === "PENDING") result.retrying += 1;
    else result.failed += 1;
  } catch (error) {
    // Its lease lapses and a later run takes it over: logged, counted, not dropped.
    logger.error({ err: error, deploymentId: deployment.id }, "an automatic deployment failed unexpectedly");
    result.errors.push({
      certificateId: deployment.certificateId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** A customer's deployment whose request ended with its process (the hold lapsed) never got its outcome. */
async function closeInterruptedManualDeployments(realNow: Date): Promise<void> {
  await db.targetDeployment.updateMany({
    where: { trigger: "MANUAL", status: "RUNNING", nextAttemptAt: { lte: realNow } },
    data: {
      status: "FAILED",
      nextAttemptAt: null,
      failureReason: "INTERRUPTED",
      failureMessage: "The deployment was interrupted before it ended; check the server, then deploy again",
    },
  });
}

/** One automatic deployment per target serving the certificate a recent auto-deploying renewal renewed. */
function queueAutomaticDeployments(now: Date, realNow: Date): Promise<number> {
  return executeStatement(
    db,
    sqlBuilder
      .insertInto("TargetDeployment")
      .columns([
        "id",
        "ownerId",
        "targetId",
        "certificateId",
        "previousCertificateId",
        "trigger",
        "status",
        "attempts",
        "nextAttemptAt",
        "createdAt",
      ])
      .expression(
        sqlBuilder
          .selectFrom("Certificate as c")
          .innerJoin("DeploymentTarget as t", (join) =>
            join.onRef("t.certificateId", "=", "c.renewsId").onRef("t.ownerId", "=", "c.ownerId"),
          )
          .select([
            sql<string>`'tdp' || replace(gen_random_uuid()::text, '-', '')`.as("id"),
            "c.ownerId",
            "t.id as targetId",
            "c.id as certificateId",
            "c.renewsId as previousCertificateId",
            sql`'RENEWAL'::"TargetDeploymentTrigger"`.as("trigger"),
            sql`'PENDING'::"TargetDeploymentStatus"`.as("status"),
            sql.lit(0).as("attempts"),
            sql`${realNow}`.as("nextAttemptAt"),
            sql`${now}`.as("createdAt"),
          ])
          .where("c.status", "=", sql.lit("ISSUED"))
          .where("c.autoUpdateResources", "=", true)
          .where("c.renewsId", "is not", null)
          .where("c.issuedAt", ">=", addDays(now, -DEPLOY_LOOK_BACK_DAYS))
          .where("c.expiresAt", ">", now),
      )
      .onConflict((conflict) =>
        conflict.columns(["targetId", "certificateId"]).where("trigger", "=", sql.lit("RENEWAL")).doNothing(),
      ),
  );
}

/** Due automatic deployments, each counted as an attempt and leased to this run until it must have ended. */
function claimDueDeployments(realNow: Date, limit: number) {
  const leaseUntil = new Date(realNow.getTime() + TARGET_HOLD_MS);
  return queryRows(
    db,
    sqlBuilder
      .with("due", (db) =>
        db
          .selectFrom("TargetDeployment as d")
          .select("d.id")
          .where("d.trigger", "=", sql.lit("RENEWAL"))
          // RUNNING past its lease: the run attempting it died.
          .where((eb) => eb.or([eb("d.status", "=", sql.lit("PENDING")), eb("d.status", "=", sql.lit("RUNNING"))]))
          .where("d.nextAttemptAt", "<=", realNow)
          .orderBy("d.nextAttemptAt")
          .orderBy("d.id")
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .updateTable("TargetDeployment as d")
      .from("due")
      .set((eb) => ({
        status: sql.lit("RUNNING"),
        attempts: eb("d.attempts", "+", sql.lit(1)),
        nextAttemptAt: leaseUntil,
      }))
      .whereRef("d.id", "=", "due.id")
      .returning(["d.id", "d.certificateId"]),
  );
}

/** Each target's current deployment of a recent certificate that was found not serving: checked again. */
async function recheckNotServing(options: { now: Date; realNow: () => Date }, result: DeployStepResult): Promise<void> {
  const candidates = await queryRows(
    db,
    sqlBuilder
      .selectFrom("TargetDeployment as d")
      .innerJoin("DeploymentTarget as t", (join) =>
        join.onRef("t.id", "=", "d.targetId").onRef("t.certificateId", "=", "d.certificateId"),
      )
      .innerJoin("Certificate as c", "c.id", "d.certificateId")
      .select(["d.id", "d.certificateId"])
      .where("d.status", "=", sql.lit("DEPLOYED"))
      .where("d.verificationStatus", "=", sql.lit("NOT_SERVING"))
      .where("c.issuedAt", ">=", addDays(options.now, -DEPLOY_LOOK_BACK_DAYS))
      // Only the target's latest deployment: an older one's files are gone.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("TargetDeployment as later")
              .select("later.id")
              .whereRef("later.targetId", "=", "d.targetId")
              .whereRef("later.createdAt", ">", "d.createdAt"),
          ),
        ),
      )
      .orderBy("d.createdAt")
      .limit(500),
  );
  for (const candidate of candidates) {
    try {
      const { verification } = await verifyTargetDeployment({
        ownerId: null,
        deploymentId: candidate.id,
        now: options.now,
      });
      if (verification.status === "SERVING") result.reverified += 1;
    } catch (error) {
      logger.error({ err: error, deploymentId: candidate.id }, "re-checking a deployment failed");
      result.errors.push({
        certificateId: candidate.certificateId,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
