// Benchmark 2: console latency. A production build of the app on a throwaway embedded
// PostgreSQL, one customer with 10,000 certificates (and, with --large, a second database
// whose one customer has 100,000), and autocannon against My Certificates (the page and
// its data route, unfiltered and searched), a certificate's detail page and Billing,
// beside two floors: the signed-in balance route, which runs the same session check and
// then one indexed query, and the cheapest page, sign-in signed out (the root layout and
// a form, no session and no query), which is what any server-rendered page costs here.
// Each sample is also read as a ratio to that floor in the same run (latency-targets.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { hashPassword } from "@/lib/auth/password";
import { createMigratedDatabase, onDatabase, startBenchServer } from "./lib/embedded-server";
import { freePort, waitForHttp } from "./lib/http-server";
import { type LatencySample, withRatios } from "./lib/latency-targets";
import { percentile } from "./lib/percentile";
import { seedConsoleCustomer } from "./lib/seed";
import { signInOverHttp } from "./lib/sign-in";

export const BENCH_DIST_DIR = ".next-bench";

export type LatencyOptions = {
  /** One run per size, each on its own database with one customer that has this many certificates. */
  sizes: number[];
  connections: number[];
  durationSeconds: number;
  /** Build even when .next-bench already holds a build. */
  rebuild: boolean;
  log: (line: string) => void;
};

export type { LatencySample } from "./lib/latency-targets";

export type LatencyResult = { sizes: number[]; durationSeconds: number; samples: LatencySample[] };

export const BENCH_SECRETS = {
  AUTH_SECRET: "bench-auth-secret-0123456789-abcdefghijklmnop",
  CRON_SECRET: "bench-cron-secret-0123456789-abcdefghijklmnop",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

/** `next build` into the benchmark's own folder, so a developer's .next is left alone. */
export async function buildForBench(options: { rebuild: boolean; log: (line: string) => void }): Promise<void> {
  if (!options.rebuild && existsSync(path.join(BENCH_DIST_DIR, "BUILD_ID"))) {
    options.log(`  reusing the production build in ${BENCH_DIST_DIR} (--rebuild to build again)`);
    return;
  }
  options.log(`  next build into ${BENCH_DIST_DIR} …`);
  await runToEnd("node_modules/.bin/next", ["build"], {
    ...process.env,
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    );
  });
}

export type BenchApp = { baseUrl: string; stop: () => Promise<void> };

/** `next start` (through the project's launcher) on the given database. */
export async function startBenchApp(
  databaseUrl: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<BenchApp> {
  const child: ChildProcess = spawn(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "scripts/run-app.ts", "start"],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        ...BENCH_SECRETS,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        NEXT_DIST_DIR: BENCH_DIST_DIR,
        DEMO_MODE: "true",
        CERTDESK_SEED: "true",
        LOG_LEVEL: "warn",
        ...extraEnv,
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  };
  try {
    await waitForHttp(`${baseUrl}/sign-in`, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

type LatencyTarget = { target: string; path: string; floor: boolean; signedIn: boolean };

// A certificate that exists at every size (the seed's ids count up from 1), so the detail
// page is the same page at 10,000 and at 100,000.
const DETAIL_ID = `cc${(9_999).toString(16).padStart(10, "0")}`;

const signedIn = (target: string, route: string): LatencyTarget => ({
  target,
  path: route,
  floor: false,
  signedIn: true,
});

const TARGETS: LatencyTarget[] = [
  { ...signedIn("floor: balance route (session + one indexed query)", "/api/account/balance"), floor: true },
  { target: "floor: sign-in page, signed out (no session, no query)", path: "/sign-in", floor: true, signedIn: false },
  signedIn("My Certificates page", "/certificates"),
  // "host4242." is one certificate at every size ("host4242" alone would also find
  // host42420–host42429 at 100,000: eleven rows to render against one, not the search's cost).
  signedIn("My Certificates page, search", "/certificates?q=host4242."),
  signedIn("My Certificates data route", "/api/certificates?page=1"),
  signedIn("My Certificates data route, search", "/api/certificates?q=host4242.&page=1"),
  signedIn("certificate detail page", `/certificates/${DETAIL_ID}`),
  signedIn("Billing page", "/billing"),
];

/** At the larger sizes only what has a target there (issue 20), and the floor to read it against. */
const LARGE_TARGETS = new Set([
  "floor: sign-in page, signed out (no session, no query)",
  "My Certificates page",
  "My Certificates page, search",
  "My Certificates data route",
  "My Certificates data route, search",
  "certificate detail page",
]);

function cannon(
  url: string,
  connections: number,
  durationSeconds: number,
  cookie: string | null,
): Promise<Omit<LatencySample, "target" | "floor" | "certificates">> {
  const times: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: durationSeconds, headers: cookie ? { cookie } : {}, timeout: 30 },
      (error, result) => {
        if (error) return reject(error);
        // No response at all (the app gone, the port taken by another process): a figure of
        // 0 ms would read as the fastest page there is.
        if (times.length === 0) {
          return reject(new Error(`${url}: no responses (${result.errors} errors, ${result.timeouts} timeouts)`));
        }
        const seconds = result.duration || durationSeconds;
        resolve({
          path: new URL(url).pathname + new URL(url).search,
          connections,
          requests: times.length,
          non2xx,
          requestsPerSecond: times.length / seconds,
          p50Ms: percentile(times, 50),
          p95Ms: percentile(times, 95),
          p99Ms: percentile(times, 99),
        });
      },
    );
    // autocannon's own summary has p97.5 but no p95: keep every response time instead.
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
    });
  });
}

export async function runConsoleLatency(options: LatencyOptions): Promise<LatencyResult> {
  await buildForBench(options);
  const server = await startBenchServer("console-postgres");
  const samples: LatencySample[] = [];
  try {
    for (const [index, certificates] of options.sizes.entries()) {
      const targets = index === 0 ? TARGETS : TARGETS.filter((target) => LARGE_TARGETS.has(target.target));
      samples.push(...(await measureSize(server.serverUrl, certificates, targets, options)));
    }
  } finally {
    await server.dispose();
  }
  return { sizes: options.sizes, durationSeconds: options.durationSeconds, samples: withRatios(samples) };
}

async function measureSize(
  serverUrl: string,
  certificates: number,
  targets: LatencyTarget[],
  options: LatencyOptions,
): Promise<LatencySample[]> {
  const databaseUrl = await createMigratedDatabase(serverUrl, `bench_console_${certificates}`);
  const email = "bench-console@bench.test";
  const password = "bench-console-password";
  const app = await startBenchApp(databaseUrl, await freePort());
  try {
    await onDatabase(databaseUrl, async (client) =>
      seedConsoleCustomer(client, {
        userId: "bench-console-user",
        email,
        passwordHash: await hashPassword(password),
        certificates,
        now: new Date(),
      }),
    );
    options.log(`  ${certificates.toLocaleString("en")} certificates on one account; app at ${app.baseUrl}`);
    const cookie = await signInOverHttp(app.baseUrl, email, password);
    // The seed's VACUUM ran while the app was starting and left the table's pages not
    // all-visible (the exact total was then a sequential scan, not an index-only scan):
    // vacuum again now, as autovacuum would have on a database that has been running.
    const visible = await onDatabase(databaseUrl, async (client) => {
      await client.query(`VACUUM ANALYZE "Certificate"`);
      const { rows } = await client.query<{ relallvisible: number; relpages: number }>(
        `SELECT relallvisible, relpages FROM pg_class WHERE relname = 'Certificate'`,
      );
      return rows[0];
    });
    options.log(`    Certificate: ${visible?.relallvisible} of ${visible?.relpages} pages all-visible`);
    const samples: LatencySample[] = [];
    for (const { target, path: route, floor, signedIn: withSession } of targets) {
      const session = withSession ? cookie : null;
      // Warm the route (compilation of lazy chunks, PostgreSQL plan cache) before measuring.
      await cannon(`${app.baseUrl}${route}`, 2, 2, session);
      for (const connections of options.connections) {
        const sample: LatencySample = {
          ...(await cannon(`${app.baseUrl}${route}`, connections, options.durationSeconds, session)),
          target,
          floor,
          certificates,
        };
        samples.push(sample);
        options.log(
          `    ${target.padEnd(56)} c=${String(connections).padStart(2)}  p50 ${sample.p50Ms.toFixed(1)} ms  p95 ${sample.p95Ms.toFixed(
            1,
          )} ms  p99 ${sample.p99Ms.toFixed(1)} ms  ${Math.round(sample.requestsPerSecond)} req/s${
            sample.non2xx ? `  (${sample.non2xx} non-2xx!)` : ""
          }`,
        );
      }
    }
    return samples;
  } finally {
    await app.stop();
  }
}
