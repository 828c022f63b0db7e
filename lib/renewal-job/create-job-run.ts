import "server-only";
import { now, systemNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  EMPTY_COUNTS,
  findActiveJobRun,
  type JobRunTrigger,
  type JobRunView,
  toJobRunView,
} from "@/lib/renewal-job/job-runs";

/**
 * Records the start of a run, with the app's "now" it will use for every decision.
 * Schedulers may overlap runs (the database keeps each deduction single), but a run
 * started by hand refuses to start while another is going.
 */
export async function createJobRun(input: {
  trigger: JobRunTrigger;
  triggeredById: string | null;
}): Promise<JobRunView> {
  const realNow = systemNow();
  if (input.trigger !== "cron") {
    const active = await findActiveJobRun(realNow);
    if (active) throw new AppError("JOB_ALREADY_RUNNING", { runId: active.id, startedAt: active.startedAt });
  }
  const run = await db.jobRun.create({
    data: {
      trigger: input.trigger,
      triggeredById: input.triggeredById,
      status: "RUNNING",
      clockNow: await now(),
      startedAt: realNow,
      heartbeatAt: realNow,
      counts: EMPTY_COUNTS,
      errors: [],
    },
  });
  return toJobRunView(run);
}
