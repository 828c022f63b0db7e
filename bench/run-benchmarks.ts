// `npm run bench`: every benchmark, its figures printed as a table and written to
// bench/results.json with the machine they were measured on.
//   --large            100,000 certificates besides 10,000: due ones for the job benchmark, and
//                      one account's for the console latency (a second database)
//   --only=a,b         job, latency, weight, lighthouse, scale (default: all)
//   --rebuild          build the app again even if .next-bench holds a build
//   --profile          CPU profiles of the job benchmark's workers in bench/tmp/prof

import { readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { BENCH_DIST_DIR, buildForBench, type LatencyResult, runConsoleLatency, startBenchApp } from "./console-latency";
import { type JobThroughputResult, runJobThroughput } from "./job-throughput";
import { createMigratedDatabase, onDatabase, startBenchServer } from "./lib/embedded-server";
import { freePort } from "./lib/http-server";
import { issue20Verdicts, latencyFigure } from "./lib/latency-targets";
import { CONSOLE_PAGE_BUDGET_BYTES, measurePageWeights, type PageWeight } from "./lib/page-weight";
import { seedConsoleCustomer } from "./lib/seed";
import { signInOverHttp } from "./lib/sign-in";
import { type LighthouseScore, runLighthouse } from "./lighthouse";
import { runScaleOut, type ScaleOutResult } from "./scale-out";

const KINDS = ["job", "latency", "weight", "lighthouse", "scale"] as const;
type Kind = (typeof KINDS)[number];

const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const selected = new Set<Kind>(
  only ? (only.split(",").filter((kind) => KINDS.includes(kind as Kind)) as Kind[]) : KINDS,
);
const large = args.includes("--large");
const rebuild = args.includes("--rebuild");

// The benchmarks run the app's modules outside the launcher: give them the settings it would.
process.env.AUTH_SECRET ??= "bench-auth-secret-0123456789-abcdefghijklmnop";
process.env.CRON_SECRET ??= "bench-cron-secret-0123456789-abcdefghijklmnop";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 5).toString("base64");
process.env.DEMO_MODE = "false";
process.env.LOG_LEVEL ??= "warn";

const log = (line: string) => console.log(line);

type Results = {
  measuredAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  job?: JobThroughputResult;
  latency?: LatencyResult;
  pageWeight?: { budgetBytes: number; pages: PageWeight[] };
  lighthouse?: { route: string; scores: LighthouseScore[] };
  scaleOut?: ScaleOutResult;
};

const results: Results = {
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

if (selected.has("job")) {
  log("\n1. Renewal job: deduction step against a set-based SQL baseline");
  results.job = await runJobThroughput({
    sizes: large ? [10_000, 100_000] : [10_000],
    accounts: 1_000,
    batchSize: Number(process.env.RENEWAL_BATCH_SIZE ?? 1000),
    log,
    profileDir: args.includes("--profile") ? path.resolve("bench/tmp/prof") : undefined,
  });
}

if (selected.has("latency")) {
  log(`\n2. Console latency with ${large ? "10,000 and 100,000" : "10,000"} certificates on one account (autocannon)`);
  results.latency = await runConsoleLatency({
    sizes: large ? [10_000, 100_000] : [10_000],
    connections: [1, 10],
    durationSeconds: 8,
    rebuild,
    log,
  });
}

if (selected.has("weight")) {
  log("\n3. Page weight: first-load JavaScript per route, gzip");
  await buildForBench({ rebuild: rebuild && !selected.has("latency"), log });
  const pages = measurePageWeights(BENCH_DIST_DIR);
  results.pageWeight = { budgetBytes: CONSOLE_PAGE_BUDGET_BYTES, pages };
  for (const page of pages) {
    const over = page.area === "console" && page.gzipBytes > CONSOLE_PAGE_BUDGET_BYTES;
    log(
      `    ${page.area.padEnd(8)} ${page.route.padEnd(36)} ${kb(page.gzipBytes).padStart(10)}${over ? "  OVER BUDGET" : ""}`,
    );
  }
}

if (selected.has("lighthouse")) {
  log("\n3b. Lighthouse 12 on My Certificates (10,000 certificates, signed in)");
  await buildForBench({ rebuild: rebuild && !selected.has("latency") && !selected.has("weight"), log });
  const server = await startBenchServer("lighthouse-postgres");
  try {
    const databaseUrl = await createMigratedDatabase(server.serverUrl, "bench_lighthouse");
    const app = await startBenchApp(databaseUrl, await freePort());
    try {
      const { hashPassword } = await import("@/lib/auth/password");
      await onDatabase(databaseUrl, async (client) =>
        seedConsoleCustomer(client, {
          userId: "bench-lighthouse-user",
          email: "bench-lighthouse@bench.test",
          passwordHash: await hashPassword("bench-lighthouse-password"),
          certificates: 10_000,
          now: new Date(),
        }),
      );
      const cookie = await signInOverHttp(app.baseUrl, "bench-lighthouse@bench.test", "bench-lighthouse-password");
      const scores = await runLighthouse(`${app.baseUrl}/certificates`, cookie);
      results.lighthouse = { route: "/certificates", scores };
      for (const score of scores) {
        log(
          `    ${score.formFactor.padEnd(8)} performance ${score.performance}  FCP ${Math.round(score.firstContentfulPaintMs)} ms  LCP ${Math.round(
            score.largestContentfulPaintMs,
          )} ms  TBT ${Math.round(score.totalBlockingTimeMs)} ms  CLS ${score.cumulativeLayoutShift.toFixed(3)}  (median run; scores ${score.runScores.join(", ")})`,
        );
      }
    } finally {
      await app.stop();
    }
  } finally {
    await server.dispose();
  }
}

if (selected.has("scale")) {
  log("\n4. Scale-out: the job route on one instance, then on three at once, one PostgreSQL");
  results.scaleOut = await runScaleOut({ certificates: 10_000, accounts: 1_000, rebuild: false, log });
  log(`    three instances / one: ${results.scaleOut.speedup.toFixed(2)}×`);
}

// A partial run (--only) keeps the other benchmarks' last figures.
const outputPath = path.resolve("bench/results.json");
let previous: Partial<Results> = {};
try {
  previous = JSON.parse(await readFile(outputPath, "utf8")) as Partial<Results>;
} catch {
  previous = {};
}
await writeFile(outputPath, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
log(`\nresults: ${path.relative(process.cwd(), outputPath)}`);
printSummary({ ...previous, ...results } as Results);
process.exit(0);

function printSummary(all: Results): void {
  const rows: [string, string, string][] = [];
  for (const run of all.job?.runs ?? []) {
    const ratio = run.job.ms / run.baseline.full.ms;
    rows.push([
      `job deduction, ${run.certificates.toLocaleString("en")} certs`,
      `${Math.round(run.job.certificatesPerSecond)} cert/s; baseline ${Math.round(run.baseline.full.certificatesPerSecond)} cert/s; ${ratio.toFixed(2)}× its time; peak RSS ${run.processPeakRssMiB} MiB`,
      ratio <= 2 && run.job.certificatesPerSecond >= 5_000 ? "meets target" : "below target",
    ]);
  }
  // Results of an earlier version (one size, no ratios) have no `sizes`: their samples are left out.
  const latency = all.latency?.sizes ? all.latency.samples : [];
  for (const sample of latency) {
    const figure = latencyFigure(sample);
    const ratios = [
      sample.ratioToFloor === undefined ? null : `${sample.ratioToFloor.toFixed(2)}× floor`,
      sample.ratioToSmallest === undefined ? null : `${sample.ratioToSmallest.toFixed(2)}× at 10k`,
    ].filter(Boolean);
    rows.push([
      `${sample.target}, ${sample.certificates / 1000}k @${sample.connections}`,
      `p50 ${sample.p50Ms.toFixed(1)} / p95 ${sample.p95Ms.toFixed(1)} / p99 ${sample.p99Ms.toFixed(1)} ms; ${Math.round(sample.requestsPerSecond)} req/s${
        ratios.length ? `; ${figure.name} ${ratios.join(", ")}` : ""
      }`,
      sample.floor ? "floor" : sample.non2xx ? `${sample.non2xx} non-2xx!` : "",
    ]);
  }
  for (const verdict of issue20Verdicts(latency)) {
    rows.push([`target: ${verdict.benchmark}`, verdict.figure, verdict.holds ? "meets target" : "below target"]);
  }
  const heaviest = (all.pageWeight?.pages ?? [])
    .filter((page) => page.area === "console")
    .sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  if (heaviest && all.pageWeight) {
    rows.push([
      "heaviest console page",
      `${heaviest.route} ${kb(heaviest.gzipBytes)} (budget ${kb(all.pageWeight.budgetBytes)})`,
      heaviest.gzipBytes <= all.pageWeight.budgetBytes ? "meets target" : "below target",
    ]);
  }
  for (const score of all.lighthouse?.scores ?? []) {
    rows.push([
      `Lighthouse ${score.formFactor}`,
      `performance ${score.performance} (median of ${(score.runScores ?? [score.performance]).join(", ")})`,
      score.performance >= 90 ? "meets target" : "below target",
    ]);
  }
  if (all.scaleOut) {
    rows.push([
      "scale-out, 3 instances",
      `${all.scaleOut.speedup.toFixed(2)}× one instance; ${all.scaleOut.runs.every((run) => run.problems.length === 0) ? "exactly once" : "PROBLEMS"}`,
      all.scaleOut.runs.every((run) => run.problems.length === 0) ? "exactly once" : "FAILED",
    ]);
  }
  console.log("");
  console.table(rows.map(([benchmark, figure, verdict]) => ({ benchmark, figure, verdict })));
}
