// Benchmark 2: console latency. A production build of the app on a throwaway embedded
// PostgreSQL, one customer with 10,000 certificates, and autocannon against My
// Certificates (the page and its data route) and a certificate's detail page, beside
// two floors: the signed-in balance route, which runs the same session check and then
// one indexed query, and the cheapest page, sign-in signed out (the root layout and a
// form, no session and no query), which is what any server-rendered page costs here.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { hashPassword } from "@/lib/auth/password";
import { createMigratedDatabase, onDatabase, startBenchServer } from "./lib/embedded-server";
import { freePort, waitForHttp } from "./lib/http-server";
import { percentile } from "./lib/percentile";
import { seedConsoleCustomer } from "./lib/seed";
import { signInOverHttp } from "./lib/sign-in";

export const BENCH_DIST_DIR = ".next-bench";

export type LatencyOptions = {
  certificates: number;
  connections: number[];
  durationSeconds: number;
  /** Build even when .next-bench already holds a build. */
  rebuild: boolean;
  log: (line: string) => void;
};

export type LatencySample = {
  target: string;
  /** A floor to read the others against, not a page with a target of its own. */
  floor: boolean;
  path: string;
  connections: number;
  requests: number;
  non2xx: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
};

export type LatencyResult = { certificates: number; durationSeconds: number; samples: LatencySample[] };

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

function cannon(
  url: string,
  connections: number,
  durationSeconds: number,
  cookie: string | null,
): Promise<Omit<LatencySample, "target" | "floor">> {
  const times: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: durationSeconds, headers: cookie ? { cookie } : {}, timeout: 30 },
      (error, result) => {
        if (error) return reject(error);
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
  let app: BenchApp | undefined;
  try {
    const databaseUrl = await createMigratedDatabase(server.serverUrl, "bench_console");
    app = await startBenchApp(databaseUrl, await freePort());
    const email = "bench-console@bench.test";
    const password = "bench-console-password";
    const now = new Date();
    await onDatabase(databaseUrl, async (client) =>
      seedConsoleCustomer(client, {
        userId: "bench-console-user",
        email,
        passwordHash: await hashPassword(password),
        certificates: options.certificates,
        now,
      }),
    );
    options.log(`  ${options.certificates.toLocaleString("en")} certificates on one account; app at ${app.baseUrl}`);
    const cookie = await signInOverHttp(app.baseUrl, email, password);
    const detailId = `cc${(options.certificates - 1).toString(16).padStart(10, "0")}`;
    const page = (target: string, path: string): LatencyTarget => ({ target, path, floor: false, signedIn: true });
    const targets: LatencyTarget[] = [
      { ...page("floor: balance route (session + one indexed query)", "/api/account/balance"), floor: true },
      {
        target: "floor: sign-in page, signed out (no session, no query)",
        path: "/sign-in",
        floor: true,
        signedIn: false,
      },
      page("My Certificates page", "/certificates"),
      page("My Certificates data route", "/api/certificates?page=1"),
      page("My Certificates data route, search", "/api/certificates?q=host4242&page=1"),
      page("certificate detail page", `/certificates/${detailId}`),
    ];
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
    return { certificates: options.certificates, durationSeconds: options.durationSeconds, samples };
  } finally {
    await app?.stop();
    await server.dispose();
  }
}
