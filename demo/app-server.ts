// The demo's own CertDesk: a production build in its own folder (so it never disturbs a
// dev server or the e2e build), started by the usual launcher on a throwaway embedded
// database seeded with the demo data, with the demo clock and the demo DNS server.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { demoAccounts } from "@/lib/seed/demo-accounts";

export const DEMO_DIST_DIR = ".next-demo";
const PREFERRED_PORT = 3170;
// What the build reads: when any of it is newer than the last demo build, build again.
const BUILD_INPUTS = ["app", "components", "lib", "messages", "public", "types", "next.config.js", "package-lock.json"];

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  }
  return newest;
}

export function demoBuildIsCurrent(): boolean {
  const buildId = path.join(DEMO_DIST_DIR, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.every((entry) => newestModification(entry) <= builtAt);
}

function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** `npm run build` into the demo's folder, output in `logFile`. */
export async function buildDemoApp(logFile: string): Promise<void> {
  // Next rewrites tsconfig.json for a non-default dist folder; put it back afterwards.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const log = openSync(logFile, "w");
  try {
    const child = spawn("npm", ["run", "build"], {
      stdio: ["ignore", log, log],
      env: { ...process.env, NEXT_DIST_DIR: DEMO_DIST_DIR, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    const code = await waitForExit(child);
    if (code !== 0) throw new Error(`The build failed (exit ${code}). Last lines of ${logFile}:\n${tail(logFile)}`);
  } finally {
    closeSync(log);
    if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
}

async function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "0.0.0.0", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function choosePort(requested: number | undefined): Promise<number> {
  if (requested !== undefined) {
    if (!(await portIsFree(requested))) throw new Error(`Port ${requested} is in use; choose another with --port.`);
    return requested;
  }
  return (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : anyFreePort();
}

export type DemoApp = {
  baseURL: string;
  /** The app's database, for reading facts the console does not show (hosted zones). */
  databaseUrl: string;
  logFile: string;
  stop: () => Promise<void>;
};

/** Starts the app and resolves once it answers; rejects with the log's tail when it does not start. */
export async function startDemoApp(options: {
  port: number;
  dnsResolver: string;
  logFile: string;
  distDir: string;
}): Promise<DemoApp> {
  const { port, logFile } = options;
  const baseURL = `http://localhost:${port}`;
  const urlFile = `.data/demo-${port}.database-url`;
  rmSync(urlFile, { force: true });
  const accounts = demoAccounts({});
  const log = openSync(logFile, "w");
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/run-app.ts", "start"], {
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      NODE_OPTIONS: "",
      DATABASE_URL: "",
      CERTDESK_DATA_DIR: `.data/demo-postgres-${port}`,
      CERTDESK_EPHEMERAL_DB: "true",
      CERTDESK_SEED: "true",
      CERTDESK_DATABASE_URL_FILE: urlFile,
      NEXT_DIST_DIR: options.distDir,
      DEMO_MODE: "true",
      DNS_RESOLVER: options.dnsResolver,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      CRON_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SMTP_URL: "",
      SEED_CUSTOMER_EMAIL: accounts.customer.email,
      SEED_CUSTOMER_PASSWORD: accounts.customer.password,
      SEED_ADMIN_EMAIL: accounts.admin.email,
      SEED_ADMIN_PASSWORD: accounts.admin.password,
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  closeSync(log);
  const exited = waitForExit(child);
  let running = true;
  void exited.then(() => {
    running = false;
  });

  const stop = async () => {
    if (!running) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (!running) throw new Error(`The app stopped while starting. Last lines of ${logFile}:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not answer within 3 minutes. Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    const ok = await fetch(`${baseURL}/sign-in`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok && existsSync(urlFile)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baseURL, databaseUrl: readFileSync(urlFile, "utf8").trim(), logFile, stop };
}
