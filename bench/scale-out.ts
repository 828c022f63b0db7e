// Benchmark 4: scale-out. N due certificates on one PostgreSQL; the renewal job route
// called on one app instance, then (on a fresh copy of the same data) on three
// instances at the same moment. Deduction throughput is timed from the calls to the
// moment every due certificate has its renewal order (polled in the database), and
// the three-instance result is checked for exactly-once: one order, one ledger debit
// per certificate, balances matching the ledger.
import { performance } from "node:perf_hooks";
import { withDatabase } from "@/lib/db/embedded-postgres";
import { LocalDnsServer } from "@/testing/local-dns-server";
import { BENCH_SECRETS, type BenchApp, buildForBench, startBenchApp } from "./console-latency";
import { copyDatabase, createMigratedDatabase, onDatabase, startBenchServer } from "./lib/embedded-server";
import { freePort } from "./lib/http-server";
import { seedDueCertificates } from "./lib/seed";
import { exactlyOnceProblems, readRenewalFacts } from "./lib/verify-renewals";

export type ScaleOutOptions = {
  certificates: number;
  accounts: number;
  rebuild: boolean;
  log: (line: string) => void;
};

export type ScaleOutRun = {
  instances: number;
  deductionMs: number;
  certificatesPerSecond: number;
  runsSucceeded: number;
  deductedPerInstance: number[];
  problems: string[];
};

export type ScaleOutResult = { certificates: number; accounts: number; runs: ScaleOutRun[]; speedup: number };

type JobSummary = { status: string; counts: { deducted?: number } };

async function triggerJob(app: BenchApp): Promise<JobSummary> {
  const response = await fetch(`${app.baseUrl}/api/jobs/renewals`, {
    method: "POST",
    headers: { authorization: `Bearer ${BENCH_SECRETS.CRON_SECRET}` },
    signal: AbortSignal.timeout(15 * 60_000),
  });
  return (await response.json()) as JobSummary;
}

async function waitForOrders(databaseUrl: string, expected: number, started: number): Promise<number> {
  return onDatabase(databaseUrl, async (client) => {
    for (;;) {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "RenewalOrder"');
      if (Number(rows[0]?.n ?? 0) >= expected) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
}

async function measure(
  instances: number,
  databaseUrl: string,
  dnsResolver: string,
  options: ScaleOutOptions,
): Promise<ScaleOutRun> {
  const apps: BenchApp[] = [];
  try {
    for (let index = 0; index < instances; index += 1) {
      apps.push(
        await startBenchApp(databaseUrl, await freePort(), {
          CERTDESK_SEED: "false",
          DEMO_MODE: "false",
          DNS_RESOLVER: dnsResolver,
        }),
      );
    }
    const started = performance.now();
    const calls = Promise.all(apps.map(triggerJob));
    const deductionMs = await waitForOrders(databaseUrl, options.certificates, started);
    const summaries = await calls;
    const facts = await onDatabase(databaseUrl, readRenewalFacts);
    const run: ScaleOutRun = {
      instances,
      deductionMs,
      certificatesPerSecond: (options.certificates / deductionMs) * 1000,
      runsSucceeded: summaries.filter((summary) => summary.status === "SUCCEEDED").length,
      deductedPerInstance: summaries.map((summary) => summary.counts.deducted ?? 0),
      problems: exactlyOnceProblems(facts, options.certificates),
    };
    options.log(
      `    ${instances} instance${instances > 1 ? "s" : ""}: ${Math.round(run.certificatesPerSecond)} cert/s (${Math.round(
        deductionMs,
      )} ms), deducted per instance ${run.deductedPerInstance.join(" + ")}, ${run.runsSucceeded}/${instances} runs succeeded${
        run.problems.length ? `, PROBLEMS: ${run.problems.join("; ")}` : ", exactly once"
      }`,
    );
    return run;
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
}

export async function runScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
  await buildForBench(options);
  const server = await startBenchServer("scale-postgres");
  // Validation looks up every new certificate's TXT record: answer from this machine (NXDOMAIN) at once.
  const dns = new LocalDnsServer();
  await dns.start();
  try {
    await createMigratedDatabase(server.serverUrl, "bench_scale_seed");
    const now = new Date();
    await onDatabase(withDatabase(server.serverUrl, "bench_scale_seed"), (client) =>
      seedDueCertificates(client, {
        certificates: options.certificates,
        accounts: options.accounts,
        background: Math.round(options.certificates / 2),
        now,
      }),
    );
    options.log(
      `  ${options.certificates.toLocaleString("en")} due certificates over ${options.accounts} accounts, one PostgreSQL`,
    );
    const runs: ScaleOutRun[] = [];
    for (const instances of [1, 3]) {
      const url = await copyDatabase(server.serverUrl, "bench_scale_seed", `bench_scale_${instances}`);
      runs.push(await measure(instances, url, dns.address, options));
    }
    const [one, three] = runs;
    const speedup = one && three ? three.certificatesPerSecond / one.certificatesPerSecond : 0;
    return { certificates: options.certificates, accounts: options.accounts, runs, speedup };
  } finally {
    await dns.close();
    await server.dispose();
  }
}
