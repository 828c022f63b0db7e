// `npm run dev` / `npm start`: picks the database (DATABASE_URL or the embedded
// PostgreSQL), applies migrations, loads the demo data when lib/db/decide-start-seeding.ts
// says so (never on its own in production), then runs Next.js. Stopping the app
// (Ctrl+C, SIGTERM) stops the embedded database with it.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadEnvironment } from "@/lib/dev/load-environment";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/run-app.ts dev|start");
  process.exit(2);
}

const filled = loadEnvironment({ developmentDefaults: mode === "dev" });
process.env.AUTH_TRUST_HOST ??= "true";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { ConfigError, parseConfig } = await import("@/lib/config");
try {
  parseConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`\n${error.message}\n\nSee README.md, "Configuration".`);
    process.exit(1);
  }
  throw error;
}

const { logger } = await import("@/lib/logger");
const { openAppDatabase } = await import("@/lib/db/app-database");
const { applyMigrations } = await import("@/lib/db/schema-engine");

if (filled.length > 0) {
  logger.info(`development defaults in use for ${filled.join(", ")} (secrets kept in .data/dev-secrets.json)`);
}

// Another launcher on the same data folder owns its database; one that died left
// an orphan server, which this one adopts and stops on exit.
const launcherPidFile = path.resolve(".data/launcher.pid");
function otherLauncherAlive(): boolean {
  if (!existsSync(launcherPidFile)) return false;
  const pid = Number(readFileSync(launcherPidFile, "utf8"));
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
const ephemeral = process.env.CERTDESK_EPHEMERAL_DB === "true";
const owner = !otherLauncherAlive();
const database = await openAppDatabase({
  ephemeral,
  adoptRunningServer: owner,
  log: (line) => logger.debug({ postgres: line.trim() }, "postgres"),
}).catch(async (error: unknown) => {
  const { EmbeddedPostgresUnavailable } = await import("@/lib/db/place-embedded-postgres");
  // Not a fault of the code: one sentence that says what to do, no stack trace.
  if (error instanceof EmbeddedPostgresUnavailable) console.error(`\n${error.message}\n`);
  else logger.error({ err: error }, "could not start the database");
  process.exit(1);
});
if (owner && database.source === "embedded" && !ephemeral) {
  mkdirSync(path.dirname(launcherPidFile), { recursive: true });
  writeFileSync(launcherPidFile, String(process.pid));
}
logger.info(`database: ${database.description}`);
if (database.notice) logger.info(database.notice);
process.env.DATABASE_URL = database.url;
// End-to-end tests seed their own data straight into the app's database: tell them where it is.
const urlFile = process.env.CERTDESK_DATABASE_URL_FILE;
if (urlFile) {
  mkdirSync(path.dirname(path.resolve(urlFile)), { recursive: true });
  writeFileSync(urlFile, database.url, { mode: 0o600 });
}

let child: ChildProcess | undefined;
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await database.release().catch((error: unknown) => logger.error({ err: error }, "stopping PostgreSQL failed"));
    if (owner) rmSync(launcherPidFile, { force: true });
    if (urlFile) rmSync(urlFile, { force: true });
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const applied = await applyMigrations(database.url);
  logger.info(applied.length ? `migrations applied: ${applied.join(", ")}` : "database schema is up to date");
  const [{ decideStartSeeding }, { db, disconnectDb }] = await Promise.all([
    import("@/lib/db/decide-start-seeding"),
    import("@/lib/db/client"),
  ]);
  const decision = decideStartSeeding({
    mode,
    databaseCreated: database.created,
    seedRequested: process.env.CERTDESK_SEED === "true",
    administratorCount: await db.user.count({ where: { role: "ADMIN", disabledAt: null } }),
  });
  if (decision.seedDemoData) {
    const [{ seedDemoData }, { now }] = await Promise.all([import("@/lib/seed/seed-demo-data"), import("@/lib/clock")]);
    const summary = await seedDemoData(await now());
    logger.info(`demo data: created ${summary.created.join(", ") || "nothing"}`);
  }
  await disconnectDb();
  // Plain text, not a log line: it is an instruction to whoever started the server.
  if (decision.notice) console.log(`\n${decision.notice}\n`);
} catch (error) {
  logger.error({ err: error }, "could not prepare the database");
  await shutdown(1);
}

const port = process.env.PORT ?? "3000";
const nextBin = path.resolve("node_modules/next/dist/bin/next");
// Records each request's socket address for lib/http/client-ip.ts, which Next.js does not
// pass on (see lib/http/record-socket-peer.mjs); `next dev` hands it to its server process.
const recordSocketPeer = pathToFileURL(path.resolve("lib/http/record-socket-peer.mjs")).href;
child = spawn(process.execPath, [`--import=${recordSocketPeer}`, nextBin, mode, "--port", port], {
  stdio: "inherit",
  env: process.env,
});
child.on("exit", (code, signal) => {
  if (!stopping) {
    logger.info(`Next.js exited (${signal ?? code})`);
    void shutdown(code ?? 1);
  }
});
logger.info(`CertDesk ${mode === "dev" ? "(development)" : ""} starting on http://localhost:${port}`);
