// Gives the test file that loads it a fresh database copied from the migrated
// template, and the environment the app expects. It runs before the file's imports,
// so lib/db/client connects to this database and no other.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { withDatabase } from "@/lib/db/embedded-postgres";

const serverUrl = inject("testServerUrl");
const template = inject("testTemplateDatabase");
const database = `certdesk_test_${randomBytes(6).toString("hex")}`;

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await onServer(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);

process.env.DATABASE_URL = withDatabase(serverUrl, database);
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789-abcdefghijklmnop";
process.env.CRON_SECRET ??= "test-cron-secret-0123456789-abcdefghijklmnop";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.DEMO_MODE ??= "false";
process.env.LOG_LEVEL ??= "silent";
process.env.DATABASE_POOL_SIZE ??= "5";

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});
