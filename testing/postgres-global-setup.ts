// Integration tests run on real PostgreSQL: TEST_DATABASE_URL when set (a server on
// which the user may create databases), otherwise a throwaway embedded server.
// Migrations are applied once to a template database; every test file then gets
// its own copy of it (testing/database-per-file.ts), so files run in parallel.
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, withDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    testTemplateDatabase: string;
  }
}

async function admin(serverUrl: string, run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL?.trim();
  let stopServer: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!serverUrl) {
    // One folder per run, so several runs can test side by side.
    dataDir = path.resolve(`.data/test-postgres-${process.pid}`);
    const server = await startEmbeddedPostgres({
      dataDir,
      ephemeral: true,
    });
    serverUrl = server.serverUrl;
    stopServer = server.stop;
  }
  const template = `certdesk_test_template_${process.pid}`;
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await applyMigrations(withDatabase(serverUrl, template));
  // A template must have no open connections while it is copied.
  await admin(serverUrl, async (client) => {
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [template]);
  });
  project.provide("testServerUrl", serverUrl);
  project.provide("testTemplateDatabase", template);

  return async () => {
    if (serverUrl && !stopServer) {
      await admin(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).then(() => {}),
      );
    }
    await stopServer?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
