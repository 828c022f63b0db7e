import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expectEachRenewedOnce } from "@/testing/expect-each-renewed-once";
import { LocalDnsServer } from "@/testing/local-dns-server";
import { seedDueAutoRenewals } from "@/testing/seed-due-auto-renewals";

const dns = new LocalDnsServer();
const resolver = await dns.start();
afterAll(() => dns.close());

function startJobProcess(): { child: ChildProcess; done: Promise<number | null> } {
  // One process (node with tsx's loader), not the tsx wrapper: SIGKILL must hit the job itself.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/run-renewal-job.ts"],
    {
      env: {
        ...process.env,
        DNS_RESOLVER: resolver,
        LOG_LEVEL: "silent",
        DATABASE_POOL_SIZE: "3",
        NODE_OPTIONS: "",
        // Small batches make a run long enough to be killed in the middle of it.
        RENEWAL_BATCH_SIZE: "25",
      },
      stdio: process.env.DEBUG_JOB_CHILD ? "inherit" : "ignore",
    },
  );
  return { child, done: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

describe("renewal job killed with SIGKILL", () => {
  it("never deducts twice and loses nothing: the next run finishes the work", async () => {
    const due = 1_500;
    // The child process runs with the real clock, so the certificates are due now.
    const { domainSuffix } = await seedDueAutoRenewals({
      label: "sigkill",
      count: due,
      fundPerOwnerMinor: 200 * 2_900,
      now: Date.now(),
    });

    const orderCount = () => db.renewalOrder.count({ where: { certificate: { domain: { endsWith: domainSuffix } } } });
    // One run killed while starting, then runs killed in the middle of their deductions:
    // each is killed once it has committed at least one batch, at a random moment after.
    let killedMidRun = 0;
    let finishedBeforeKill = 0;
    for (let round = 0; round < 6; round++) {
      const before = await orderCount();
      const { child, done } = startJobProcess();
      if (round > 0) {
        for (let waited = 0; waited < 20_000 && (await orderCount()) === before; waited += 20) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 150)));
      } else {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const finishedOnItsOwn = child.exitCode !== null;
      child.kill("SIGKILL");
      await done;
      if (finishedOnItsOwn) finishedBeforeKill += 1;
      else if (round > 0 && (await orderCount()) < due) killedMidRun += 1;
    }
    const afterKills = await orderCount();
    expect(killedMidRun).toBeGreaterThanOrEqual(3);
    expect(afterKills).toBeGreaterThan(0);
    expect(afterKills).toBeLessThan(due);

    const { done } = startJobProcess();
    expect(await done).toBe(0);
    await expectEachRenewedOnce(domainSuffix, due);
    // Runs killed mid-way never claim success: they stay "running" until their heartbeat
    // is stale, when a later run closes them as failed.
    expect(await db.jobRun.count({ where: { status: "RUNNING" } })).toBeGreaterThanOrEqual(killedMidRun);
    expect(await db.jobRun.count({ where: { status: "SUCCEEDED" } })).toBeGreaterThanOrEqual(1 + finishedBeforeKill);
  }, 180_000);
});
