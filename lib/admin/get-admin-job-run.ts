import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { type AdminJobRun, withTriggeredBy } from "@/lib/admin/list-admin-job-runs";
import { findActiveJobRun, getJobRun } from "@/lib/renewal-job/job-runs";

/** One run, as the "Run now" panel polls it; null when there is no such run. */
export async function getAdminJobRun(actor: Actor, runId: string, _now: Date): Promise<AdminJobRun | null> {
  assertAdmin(actor);
  const run = await getJobRun(runId);
  return run ? ((await withTriggeredBy([run]))[0] ?? null) : null;
}

/** The run going on right now (heartbeat fresh), whoever started it. `realNow` is wall-clock time. */
export async function getActiveAdminJobRun(actor: Actor, realNow: Date): Promise<AdminJobRun | null> {
  assertAdmin(actor);
  const run = await findActiveJobRun(realNow);
  return run ? ((await withTriggeredBy([run]))[0] ?? null) : null;
}
