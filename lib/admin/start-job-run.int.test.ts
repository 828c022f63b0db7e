import { describe, expect, it } from "vitest";

const { db } = await import("@/lib/db/client");
const { startJobRun } = await import("@/lib/admin/start-job-run");
const { createTestUser, TEST_NOW } = await import("@/testing/factories");

describe("startJobRun", () => {
  it("starts a run triggered by the admin, audited; a second press returns the run already going", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const realNow = new Date();
    const first = await startJobRun(admin, { ip: "203.0.113.20", now: TEST_NOW, realNow });
    expect(first).toMatchObject({
      started: true,
      run: { status: "RUNNING", trigger: "admin", triggeredById: admin.id },
    });
    expect(await db.auditLog.findFirstOrThrow({ where: { targetId: first.run.id } })).toMatchObject({
      action: "renewal_job.run",
      actorId: admin.id,
      targetType: "JobRun",
      ip: "203.0.113.20",
    });

    const second = await startJobRun(admin, { ip: null, now: TEST_NOW, realNow: new Date() });
    expect(second).toEqual({ started: false, run: expect.objectContaining({ id: first.run.id, status: "RUNNING" }) });
    expect(await db.jobRun.count()).toBe(1);

    // A run whose process died (no heartbeat for minutes) does not block a new one.
    await db.jobRun.update({ where: { id: first.run.id }, data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    const third = await startJobRun(admin, { ip: null, now: TEST_NOW, realNow: new Date() });
    expect(third.started).toBe(true);
    expect(third.run.id).not.toBe(first.run.id);
  });
});
