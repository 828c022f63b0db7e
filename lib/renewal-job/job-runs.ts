import "server-only";
import { db } from "@/lib/db/client";
import type { JobRunStatus } from "@/lib/generated/prisma/enums";

/** The steps of one renewal job run, in order. */
export const JOB_STEPS = ["deduct", "validate", "issue", "deploy", "timeout", "dns", "notify"] as const;
export type JobStep = (typeof JOB_STEPS)[number];

/** What one run did; every key is a count of certificates (or notices). */
export type JobCounts = {
  deducted: number;
  terminatedInsufficientBalance: number;
  terminatedExpired: number;
  terminatedNotEligible: number;
  validationRecordsAdded: number;
  validated: number;
  issued: number;
  /** Automatic deployments after renewal that put the certificate in place, ended failed, or wait for a retry. */
  deployed: number;
  deployFailed: number;
  deployRetrying: number;
  /** Deployments found "not serving" before that serve now. */
  reverified: number;
  timedOut: number;
  refunded: number;
  dnsRecordsPublished: number;
  dnsRecordsRemoved: number;
  delegationsChecked: number;
  notificationsCreated: number;
  emailsSent: number;
  webhooksDelivered: number;
  errors: number;
};

export const EMPTY_COUNTS: JobCounts = {
  deducted: 0,
  terminatedInsufficientBalance: 0,
  terminatedExpired: 0,
  terminatedNotEligible: 0,
  validationRecordsAdded: 0,
  validated: 0,
  issued: 0,
  deployed: 0,
  deployFailed: 0,
  deployRetrying: 0,
  reverified: 0,
  timedOut: 0,
  refunded: 0,
  dnsRecordsPublished: 0,
  dnsRecordsRemoved: 0,
  delegationsChecked: 0,
  notificationsCreated: 0,
  emailsSent: 0,
  webhooksDelivered: 0,
  errors: 0,
};

export type JobRunError = { step: JobStep; certificateId?: string; message: string };

export type JobRunTrigger = "cron" | "admin" | "demo";

export type JobRunView = {
  id: string;
  trigger: string;
  triggeredById: string | null;
  status: JobRunStatus;
  clockNow: string;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  currentStep: string | null;
  counts: JobCounts;
  errors: JobRunError[];
};

/** A run whose heartbeat is older than this is considered dead (its process was killed). */
export const STALE_RUN_MS = 2 * 60 * 1000;

export function toJobRunView(run: {
  id: string;
  trigger: string;
  triggeredById: string | null;
  status: JobRunStatus;
  clockNow: Date;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
  currentStep: string | null;
  counts: unknown;
  errors: unknown;
}): JobRunView {
  return {
    id: run.id,
    trigger: run.trigger,
    triggeredById: run.triggeredById,
    status: run.status,
    clockNow: run.clockNow.toISOString(),
    startedAt: run.startedAt.toISOString(),
    heartbeatAt: run.heartbeatAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    currentStep: run.currentStep,
    counts: { ...EMPTY_COUNTS, ...(run.counts as Partial<JobCounts>) },
    errors: Array.isArray(run.errors) ? (run.errors as JobRunError[]) : [],
  };
}

/** The run still going (heartbeat fresh), if any. `realNow` is wall-clock time (clock.systemNow). */
export async function findActiveJobRun(realNow: Date): Promise<JobRunView | null> {
  const run = await db.jobRun.findFirst({
    where: { status: "RUNNING", heartbeatAt: { gt: new Date(realNow.getTime() - STALE_RUN_MS) } },
    orderBy: { startedAt: "desc" },
  });
  return run ? toJobRunView(run) : null;
}

export async function getJobRun(id: string): Promise<JobRunView | null> {
  const run = await db.jobRun.findUnique({ where: { id } });
  return run ? toJobRunView(run) : null;
}

export async function listJobRuns(options: {
  page: number;
  pageSize: number;
}): Promise<{ items: JobRunView[]; total: number }> {
  const [total, runs] = await Promise.all([
    db.jobRun.count(),
    db.jobRun.findMany({
      orderBy: { startedAt: "desc" },
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
    }),
  ]);
  return { total, items: runs.map(toJobRunView) };
}
