import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { db } from "@/lib/db/client";
import { type JobRunView, listJobRuns } from "@/lib/renewal-job/job-runs";

export type AdminJobRun = JobRunView & { triggeredBy: { id: string; email: string } | null };
export type AdminJobRunPage = { items: AdminJobRun[]; total: number; page: number; pageSize: number };

/** Adds who started each run (null for the scheduler). */
export async function withTriggeredBy(runs: JobRunView[]): Promise<AdminJobRun[]> {
  const ids = [...new Set(runs.map((run) => run.triggeredById).filter((id): id is string => Boolean(id)))];
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
    : [];
  const byId = new Map(users.map((user) => [user.id, user]));
  return runs.map((run) => ({ ...run, triggeredBy: run.triggeredById ? (byId.get(run.triggeredById) ?? null) : null }));
}

/** The renewal job's runs, newest first. */
export async function listAdminJobRuns(
  actor: Actor,
  options: { page: number; pageSize: number },
  _now: Date,
): Promise<AdminJobRunPage> {
  assertAdmin(actor);
  const { items, total } = await listJobRuns(options);
  return { items: await withTriggeredBy(items), total, page: options.page, pageSize: options.pageSize };
}
