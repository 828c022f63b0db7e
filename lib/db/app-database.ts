// Which PostgreSQL the app and its scripts use: DATABASE_URL when set, otherwise
// the embedded server whose data lives in .data/postgres (git-ignored; as root from a
// folder PostgreSQL's user cannot enter, under /var/lib/certdesk: see
// lib/db/place-embedded-postgres.ts). A script run while the app is up shares the
// app's running server instead of starting one.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, stopServerHolding, withDatabase } from "@/lib/db/embedded-postgres";
import { isProcessAlive } from "@/lib/db/is-process-alive";
import { placeEmbeddedPostgres } from "@/lib/db/place-embedded-postgres";

export const APP_DATABASE_NAME = "certdesk";

export type AppDatabase = {
  url: string;
  source: "DATABASE_URL" | "embedded";
  /** Human description for the start-up log (no password). */
  description: string;
  /** True when this call created the embedded data folder: a brand-new database. */
  created: boolean;
  /** Where the embedded server keeps binaries or data outside the checkout, for the start-up log. */
  notice: string | null;
  /** Stops the embedded server if this call started it. */
  release: () => Promise<void>;
};

export function embeddedDataDir(): string {
  return path.resolve(process.env.CERTDESK_DATA_DIR || ".data/postgres");
}

async function runningServerPort(dataDir: string): Promise<number | undefined> {
  const content = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (!content) return undefined;
  const lines = content.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isProcessAlive(pid)) return undefined;
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

type OpenOptions = {
  /** Start from an empty data folder and favour speed over durability (tests). */
  ephemeral?: boolean;
  /** Take over a server left running by a launcher that died, and stop it on release. */
  adoptRunningServer?: boolean;
  log?: (line: string) => void;
};

export async function openAppDatabase(options: OpenOptions = {}): Promise<AppDatabase> {
  const configured = process.env.DATABASE_URL?.trim();
  if (configured) {
    const url = new URL(configured);
    return {
      url: configured,
      source: "DATABASE_URL",
      description: `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname} (from DATABASE_URL)`,
      created: false,
      notice: null,
      release: async () => {},
    };
  }

  const placement = await placeEmbeddedPostgres(embeddedDataDir(), { throwaway: options.ephemeral ?? false });
  const { dataDir } = placement;
  const relativeDir = path.relative(process.cwd(), dataDir);
  const shownDir = relativeDir && !relativeDir.startsWith("..") ? relativeDir : dataDir;
  const sharedPort = options.ephemeral ? undefined : await runningServerPort(dataDir);
  if (sharedPort) {
    const serverUrl = `postgresql://certdesk:certdesk-local@127.0.0.1:${sharedPort}/postgres`;
    await ensureDatabase(serverUrl, APP_DATABASE_NAME);
    return {
      url: withDatabase(serverUrl, APP_DATABASE_NAME),
      source: "embedded",
      description: `embedded PostgreSQL already running on 127.0.0.1:${sharedPort} (data in ${shownDir})`,
      created: false,
      notice: placement.notice,
      release: options.adoptRunningServer ? () => stopServerHolding(dataDir) : async () => {},
    };
  }

  const server = await startEmbeddedPostgres({
    dataDir,
    placement,
    ephemeral: options.ephemeral,
    onLog: options.log,
  });
  await ensureDatabase(server.serverUrl, APP_DATABASE_NAME);
  return {
    url: withDatabase(server.serverUrl, APP_DATABASE_NAME),
    source: "embedded",
    description: `embedded PostgreSQL 18 on 127.0.0.1:${server.port} (data in ${shownDir})`,
    created: server.created,
    notice: server.notice,
    release: server.stop,
  };
}
