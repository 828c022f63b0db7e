// Benchmark 1: throughput of the renewal job's deduction step against a set-based
// SQL floor, on a throwaway embedded PostgreSQL. Each size runs in a worker process
// (bench/job-throughput-worker.ts), so its peak RSS is measured on its own.
import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { withDatabase } from "@/lib/db/embedded-postgres";
import type { JobWorkerInput, JobWorkerOutput } from "./job-throughput-worker";
import {
  BENCH_TMP,
  createMigratedDatabase,
  EPHEMERAL_SETTINGS,
  onDatabase,
  startBenchServer,
} from "./lib/embedded-server";

export type JobThroughputOptions = {
  sizes: number[];
  accounts: number;
  batchSize: number;
  log: (line: string) => void;
  /** Write a V8 CPU profile of each worker here (`--profile`). */
  profileDir?: string;
};

export type JobThroughputResult = {
  postgres: string;
  accounts: number;
  batchSize: number;
  runs: JobWorkerOutput[];
};

function runWorker(input: JobWorkerInput, outputPath: string, options: { profileDir?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
    const worker = path.join(import.meta.dirname, "job-throughput-worker.ts");
    const child = spawn(process.execPath, [...process.execArgv, ...profile, worker], {
      env: {
        ...process.env,
        BENCH_JOB_INPUT: JSON.stringify(input),
        BENCH_JOB_OUTPUT: outputPath,
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`job benchmark worker exited with ${signal ?? code}`)),
    );
  });
}

export async function runJobThroughput(options: JobThroughputOptions): Promise<JobThroughputResult> {
  const server = await startBenchServer("job-postgres");
  const runs: JobWorkerOutput[] = [];
  try {
    const version = await onDatabase(withDatabase(server.serverUrl, "postgres"), async (client) => {
      const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
      return rows[0]?.server_version ?? "?";
    });
    options.log(
      `  throwaway embedded PostgreSQL ${version} (${EPHEMERAL_SETTINGS}) in ${path.relative(process.cwd(), server.dataDir)}`,
    );
    await createMigratedDatabase(server.serverUrl, "bench_empty");
    await mkdir(BENCH_TMP, { recursive: true });
    for (const certificates of options.sizes) {
      options.log(`  ${certificates.toLocaleString("en")} due certificates over ${options.accounts} accounts …`);
      const outputPath = path.join(BENCH_TMP, `job-${certificates}-${process.pid}.json`);
      await runWorker(
        {
          serverUrl: server.serverUrl,
          emptyDatabase: "bench_empty",
          certificates,
          accounts: options.accounts,
          background: Math.round(certificates / 2),
          batchSize: options.batchSize,
          now: new Date().toISOString(),
        },
        outputPath,
        options,
      );
      const run = JSON.parse(await readFile(outputPath, "utf8")) as JobWorkerOutput;
      await rm(outputPath, { force: true });
      runs.push(run);
      options.log(
        `    job ${Math.round(run.job.certificatesPerSecond)} cert/s (${Math.round(run.job.ms)} ms), baseline ${Math.round(
          run.baseline.core.certificatesPerSecond,
        )} cert/s core / ${Math.round(run.baseline.full.certificatesPerSecond)} full, peak RSS ${run.processPeakRssMiB} MiB`,
      );
      for (const problem of run.problems) options.log(`    PROBLEM: ${problem}`);
      await onDatabase(withDatabase(server.serverUrl, "postgres"), async (client) => {
        const { rows } = await client.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE 'bench\\_job\\_%' OR datname LIKE 'bench\\_base\\_%'",
        );
        for (const row of rows) await client.query(`DROP DATABASE "${row.datname}" WITH (FORCE)`);
      });
    }
  } finally {
    await server.dispose();
  }
  return { postgres: EPHEMERAL_SETTINGS, accounts: options.accounts, batchSize: options.batchSize, runs };
}
