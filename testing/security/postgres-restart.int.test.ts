// Fault: PostgreSQL restarts in the middle of a renewal job run. The run must fail
// cleanly — recorded as FAILED with its error once the database is back, not left
// "running" — the next run must finish the work, and across both runs every due
// certificate is charged exactly once with the balances matching the ledger.
// (The app itself killed with SIGKILL mid-run: lib/renewal-job/job-kill.int.test.ts.)
//
// Slow (its own PostgreSQL server, stopped and started again): runs when
// CERTDESK_SLOW_TESTS=1, which .ci/run sets.
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedPostgres, withDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/schema-engine";
import { LocalDnsServer } from "@/testing/local-dns-server";

const slow = process.env.CERTDESK_SLOW_TESTS === "1";
const dns = new LocalDnsServer();
const dataDir = path.resolve(`.data/test-postgres-restart-${process.pid}`);
let server: EmbeddedDatabase | undefined;
let databaseUrl = "";

if (slow) {
  // This file's database lives on a server of its own, which the test may stop; the
  // app's client (created on first use) connects to it and to nothing else.
  server = await startEmbeddedPostgres({ dataDir });
  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  // Throwaway data: durability is not what this test is about (kept across the restart).
  for (const setting of ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]) {
    await admin.query(`ALTER SYSTEM SET ${setting}`);
  }
  await admin.query("SELECT pg_reload_conf()");
  await admin.query("CREATE DATABASE certdesk_restart");
  await admin.end();
  databaseUrl = withDatabase(server.serverUrl, "certdesk_restart");
  await applyMigrations(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  // Small batches make the run long enough to be cut in the middle.
  process.env.RENEWAL_BATCH_SIZE = "25";
  // The renewals' domains are looked up at a DNS server the test controls.
  process.env.DNS_RESOLVER = await dns.start();
}

afterAll(async () => {
  if (!server) return;
  await dns.close();
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
  await server.stop();
  // As root in a private checkout the data lives elsewhere (lib/db/place-embedded-postgres.ts).
  await rm(server.dataDir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

async function countOrders(): Promise<number> {
  // A client of its own: the app's pool is the thing under test.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM "RenewalOrder"`);
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

describe.runIf(slow)("PostgreSQL restarted in the middle of a job run", () => {
  it("fails the run cleanly, and the next run finishes with nothing lost or doubled", async () => {
    const { db } = await import("@/lib/db/client");
    const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
    const { executeJobRun } = await import("@/lib/renewal-job/execute-job-run");
    const { seedDueAutoRenewals } = await import("@/testing/seed-due-auto-renewals");
    const { expectEachRenewedOnce } = await import("@/testing/expect-each-renewed-once");

    const due = 1_000;
    // The job runs on the real clock here (no DEMO_MODE), so the certificates are due now.
    const { domainSuffix } = await seedDueAutoRenewals({
      label: "restart",
      count: due,
      fundPerOwnerMinor: 400 * 2_900,
      now: Date.now(),
    });

    const first = await createJobRun({ trigger: "cron", triggeredById: null });
    const running = executeJobRun(first.id);
    for (let waited = 0; (await countOrders()) === 0; waited += 20) {
      if (waited > 30_000) throw new Error("the run never committed a batch");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const active = server as EmbeddedDatabase;
    await active.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    server = await startEmbeddedPostgres({ dataDir, port: active.port });

    const failed = await running;
    expect(failed.status).toBe("FAILED");
    expect(failed.errors.length).toBeGreaterThan(0);
    expect(failed.errors.map((error) => error.message).join(" ")).not.toBe("");
    const recorded = await db.jobRun.findUniqueOrThrow({ where: { id: first.id } });
    expect(recorded.status).toBe("FAILED");
    expect(recorded.finishedAt).not.toBeNull();
    const afterFailure = await countOrders();
    expect(afterFailure).toBeGreaterThan(0);
    expect(afterFailure).toBeLessThan(due);

    const next = await executeJobRun((await createJobRun({ trigger: "cron", triggeredById: null })).id);
    expect(next.status, JSON.stringify(next.errors)).toBe("SUCCEEDED");
    expect(next.counts.deducted).toBe(due - afterFailure);

    await expectEachRenewedOnce(domainSuffix, due);
    expect(await db.certificate.count({ where: { renewsId: { not: null } } })).toBe(due);
    expect(await db.jobRun.count({ where: { status: "RUNNING" } })).toBe(0);
  }, 180_000);
});
