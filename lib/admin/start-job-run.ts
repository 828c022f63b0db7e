import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { createJobRun } from "@/lib/renewal-job/create-job-run";
import { findActiveJobRun, type JobRunView } from "@/lib/renewal-job/job-runs";

/** Either the run just created (the caller executes it) or the one already going. */
export type StartJobRunResult = { started: true; run: JobRunView } | { started: false; run: JobRunView };

/**
 * "Run now": records a new run of the renewal job started by this administrator,
 * unless one is already going, in which case that run is returned instead of
 * starting another. Executing the run is the caller's (it runs after the response).
 */
export async function startJobRun(
  actor: Actor,
  context: { ip: string | null; now: Date; realNow: Date },
): Promise<StartJobRunResult> {
  assertAdmin(actor);
  const active = await findActiveJobRun(context.realNow);
  if (active) return { started: false, run: active };
  let run: JobRunView;
  try {
    run = await createJobRun({ trigger: "admin", triggeredById: actor.id });
  } catch (error) {
    // Another administrator pressed at the same moment: show theirs.
    if (isAppError(error) && ["CONFLICT", "JOB_ALREADY_RUNNING"].includes(error.code)) {
      const winner = await findActiveJobRun(context.realNow);
      if (winner) return { started: false, run: winner };
    }
    throw error;
  }
  await recordAudit(db, {
    actorId: actor.id,
    action: "renewal_job.run",
    targetType: "JobRun",
    targetId: run.id,
    after: { trigger: run.trigger, clockNow: run.clockNow },
    ip: context.ip,
    at: context.now,
  });
  return { started: true, run };
}
