// One measurement of the renewal job's deduction step, in a process of its own so
// its peak RSS is its own: copies the seeded database three times, runs the two SQL
// baselines on two copies and deductDueRenewals on the third, checks what each
// wrote, and writes the figures as JSON to BENCH_JOB_OUTPUT.
import { writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { withDatabase } from "@/lib/db/embedded-postgres";
import { type BaselineVariant, runBaselineDeduction } from "./lib/baseline-deduction";
import { copyDatabase, onDatabase } from "./lib/embedded-server";
import { mib, sampleRss, vmHwmBytes } from "./lib/memory";
import { seedDueCertificates } from "./lib/seed";
import { exactlyOnceProblems, type RenewalFacts, readRenewalFacts } from "./lib/verify-renewals";

export type JobWorkerInput = {
  serverUrl: string;
  /** Migrated, empty database to copy. */
  emptyDatabase: string;
  certificates: number;
  accounts: number;
  background: number;
  batchSize: number;
  now: string;
};

export type TimedRun = { ms: number; renewed: number; certificatesPerSecond: number; facts: RenewalFacts };

export type JobWorkerOutput = {
  certificates: number;
  accounts: number;
  background: number;
  batchSize: number;
  seedMs: number;
  baseline: Record<BaselineVariant, TimedRun>;
  job: TimedRun & {
    batches: number;
    slowestBatchMs: number;
    errors: number;
    rssStartMiB: number | null;
    rssPeakMiB: number | null;
    heapUsedPeakMiB: number | null;
  };
  problems: string[];
  processPeakRssMiB: number | null;
};

const DAY = 86_400_000;

const input = JSON.parse(process.env.BENCH_JOB_INPUT ?? "null") as JobWorkerInput | null;
const outputPath = process.env.BENCH_JOB_OUTPUT;
if (!input || !outputPath) {
  console.error("job-throughput-worker: run through `npm run bench`");
  process.exit(2);
}
const now = new Date(input.now);
const horizon = new Date(now.getTime() + 30 * DAY);
const deadline = new Date(now.getTime() + 7 * DAY);
const tag = `${input.certificates}_${process.pid}`;
const names = {
  seed: `bench_job_seed_${tag}`,
  job: `bench_job_${tag}`,
  core: `bench_base_core_${tag}`,
  full: `bench_base_full_${tag}`,
};

const seedStart = performance.now();
await copyDatabase(input.serverUrl, input.emptyDatabase, names.seed);
await onDatabase(withDatabase(input.serverUrl, names.seed), (client) =>
  seedDueCertificates(client, {
    certificates: input.certificates,
    accounts: input.accounts,
    background: input.background,
    now,
  }),
);
for (const copy of [names.job, names.core, names.full]) await copyDatabase(input.serverUrl, names.seed, copy);
const seedMs = performance.now() - seedStart;

async function timeBaseline(variant: BaselineVariant): Promise<TimedRun> {
  return onDatabase(withDatabase(input?.serverUrl ?? "", names[variant]), async (client) => {
    await client.query("CHECKPOINT");
    const start = performance.now();
    const renewed = await runBaselineDeduction(client, { now, horizon, deadline, variant });
    const ms = performance.now() - start;
    return { ms, renewed, certificatesPerSecond: (renewed / ms) * 1000, facts: await readRenewalFacts(client) };
  });
}

const baseline = { core: await timeBaseline("core"), full: await timeBaseline("full") };

// The job, through the app's own modules and Prisma client, on its copy.
const jobUrl = withDatabase(input.serverUrl, names.job);
process.env.DATABASE_URL = jobUrl;
process.env.RENEWAL_BATCH_SIZE = String(input.batchSize);
const [{ db, disconnectDb }, { deductDueRenewals }] = await Promise.all([
  import("@/lib/db/client"),
  import("@/lib/renewal-job/deduct-due-renewals"),
]);
await onDatabase(jobUrl, (client) => client.query("CHECKPOINT"));
const run = await db.jobRun.create({
  data: { trigger: "cron", status: "RUNNING", clockNow: now, startedAt: new Date(), heartbeatAt: new Date() },
});
// Opening the pool's connections is not part of the step: one per lane, held at once so
// that each lane finds its own (a scheduler calls the job route on a server already running).
const { getConfig } = await import("@/lib/config");
await Promise.all(
  Array.from({ length: getConfig().renewalLanes }, () =>
    db.$transaction((tx) => tx.$executeRaw`SELECT pg_sleep(0.05)`),
  ),
);

let heapPeak = process.memoryUsage().heapUsed;
const heapTimer = setInterval(() => {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}, 10);
const sampler = sampleRss(10);
const batchTimes: number[] = [];
let lastBatch = performance.now();
const jobStart = performance.now();
const result = await deductDueRenewals({
  now,
  jobRunId: run.id,
  batchSize: input.batchSize,
  onBatch: async () => {
    const at = performance.now();
    batchTimes.push(at - lastBatch);
    lastBatch = at;
  },
});
const jobMs = performance.now() - jobStart;
const memory = sampler.stop();
clearInterval(heapTimer);
await disconnectDb();

const jobFacts = await onDatabase(jobUrl, readRenewalFacts);
const problems = [
  ...exactlyOnceProblems(jobFacts, input.certificates).map((problem) => `job: ${problem}`),
  ...exactlyOnceProblems(baseline.core.facts, input.certificates).map((problem) => `baseline core: ${problem}`),
  ...exactlyOnceProblems(baseline.full.facts, input.certificates).map((problem) => `baseline full: ${problem}`),
];
if (jobFacts.notifications !== baseline.full.facts.notifications)
  problems.push(`notifications: job ${jobFacts.notifications}, baseline ${baseline.full.facts.notifications}`);
if (jobFacts.auditRows !== baseline.full.facts.auditRows)
  problems.push(`audit rows: job ${jobFacts.auditRows}, baseline ${baseline.full.facts.auditRows}`);
if (result.errors.length > 0) problems.push(`job errors: ${result.errors.slice(0, 3).map((e) => e.message)}`);

const output: JobWorkerOutput = {
  certificates: input.certificates,
  accounts: input.accounts,
  background: input.background,
  batchSize: input.batchSize,
  seedMs,
  baseline,
  job: {
    ms: jobMs,
    renewed: result.deducted,
    certificatesPerSecond: (result.deducted / jobMs) * 1000,
    facts: jobFacts,
    batches: batchTimes.length,
    slowestBatchMs: Math.max(0, ...batchTimes),
    errors: result.errors.length,
    rssStartMiB: mib(memory.startRssBytes),
    rssPeakMiB: mib(memory.peakRssBytes),
    heapUsedPeakMiB: mib(heapPeak),
  },
  problems,
  processPeakRssMiB: mib(vmHwmBytes()),
};
await writeFile(outputPath, JSON.stringify(output, null, 2));
process.exit(0);
