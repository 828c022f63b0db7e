// A throwaway PostgreSQL for one benchmark: the project's embedded server in
// bench/tmp (git-ignored), started "ephemeral" — fsync, synchronous_commit and
// full_page_writes off, like the integration tests — and removed afterwards.
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, withDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/schema-engine";

export const BENCH_TMP = path.resolve(import.meta.dirname, "../tmp");

/** What the results say about the server's durability settings. */
export const EPHEMERAL_SETTINGS = "fsync=off, synchronous_commit=off, full_page_writes=off";

export type BenchServer = {
  serverUrl: string;
  dataDir: string;
  /** Stops the server and deletes its data folder. */
  dispose: () => Promise<void>;
};

export async function startBenchServer(name: string): Promise<BenchServer> {
  const dataDir = path.join(BENCH_TMP, `${name}-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  let disposed = false;
  return {
    serverUrl: server.serverUrl,
    dataDir,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await server.stop().catch((error: unknown) => console.error(`stopping ${name} PostgreSQL failed`, error));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function onDatabase<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A migrated, empty database on the server. */
export async function createMigratedDatabase(serverUrl: string, name: string): Promise<string> {
  await onDatabase(withDatabase(serverUrl, "postgres"), (client) => client.query(`CREATE DATABASE ${quote(name)}`));
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  return url;
}

/** A byte-for-byte copy of `source` (which must have no open connections). */
export async function copyDatabase(serverUrl: string, source: string, target: string): Promise<string> {
  await onDatabase(withDatabase(serverUrl, "postgres"), async (client) => {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [source]);
    await client.query(`CREATE DATABASE ${quote(target)} TEMPLATE ${quote(source)}`);
  });
  return withDatabase(serverUrl, target);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onDatabase(withDatabase(serverUrl, "postgres"), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`),
  );
}
