import { describe, expect, it, vi } from "vitest";
import { actAs } from "@/testing/action-harness";

// Before any import reads the configuration: the demo clock exists only in DEMO_MODE.
vi.hoisted(() => {
  process.env.DEMO_MODE = "true";
});

const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const { getClockOffsetMs, isClockSimulated, now } = await import("@/lib/clock");
const { setDemoClock } = await import("@/lib/admin/set-demo-clock");
const { getDemoClock } = await import("@/lib/admin/get-demo-clock");
const { resetDemoClockAction, setDemoClockAction } = await import("@/app/admin/clock/actions");
const clockRoute = await import("@/app/api/admin/clock/route");
const { createTestUser } = await import("@/testing/factories");

const put = (body: string) =>
  clockRoute.PUT(
    new Request("http://localhost/api/admin/clock", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body,
    }),
  );

describe("the demo clock", () => {
  it("sets the simulated time as an offset from real time, which every reader of the clock then sees; audited", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const realNow = new Date("2026-03-01T00:00:00Z");
    const target = new Date("2026-11-15T09:30:00Z");
    const clock = await setDemoClock(admin, { now: target }, { ip: "203.0.113.5", now: realNow, realNow });
    expect(clock).toMatchObject({ simulated: true, offsetMs: target.getTime() - realNow.getTime() });
    expect(Number((await db.clockSetting.findUniqueOrThrow({ where: { id: "global" } })).offsetMs)).toBe(
      target.getTime() - realNow.getTime(),
    );
    expect(await getClockOffsetMs()).toBe(target.getTime() - realNow.getTime());
    expect(await isClockSimulated()).toBe(true);
    expect(
      await db.auditLog.findFirstOrThrow({ where: { action: "clock.set" }, orderBy: { createdAt: "desc" } }),
    ).toMatchObject({
      actorId: admin.id,
      targetType: "ClockSetting",
      targetId: "global",
      ip: "203.0.113.5",
      before: { offsetMs: 0, simulatedNow: null },
      after: { offsetMs: target.getTime() - realNow.getTime(), simulatedNow: target.toISOString() },
    });

    const reset = await setDemoClock(admin, { now: null }, { ip: null, now: target, realNow });
    expect(reset).toMatchObject({ simulated: false, offsetMs: 0 });
    expect(await isClockSimulated()).toBe(false);
    expect(await db.auditLog.count({ where: { action: "clock.reset" } })).toBeGreaterThanOrEqual(1);
  });

  it("refuses a time more than 50 years away", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const realNow = new Date();
    await expect(
      setDemoClock(admin, { now: new Date("2199-01-01T00:00:00Z") }, { ip: null, now: realNow, realNow }),
    ).rejects.toThrow(new AppError("INVALID_INPUT"));
  });

  it("through PUT and DELETE /api/admin/clock and the page's actions", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    actAs(admin);
    const response = await put(JSON.stringify({ now: "2027-01-10T08:00:00+08:00" }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { simulated: boolean; now: string };
    expect(body.simulated).toBe(true);
    expect(Math.abs(new Date(body.now).getTime() - Date.parse("2027-01-10T00:00:00Z"))).toBeLessThan(5_000);
    expect(Math.abs((await now()).getTime() - Date.parse("2027-01-10T00:00:00Z"))).toBeLessThan(5_000);

    expect((await put(JSON.stringify({ now: "next tuesday" }))).status).toBe(400);
    expect((await put(JSON.stringify({ now: "2027-01-10T08:00:00" }))).status).toBe(400);
    expect((await put("not json")).status).toBe(400);

    const deleted = await clockRoute.DELETE(new Request("http://localhost/api/admin/clock", { method: "DELETE" }));
    expect(await deleted.json()).toMatchObject({ simulated: false, offsetMs: 0 });

    expect((await put(JSON.stringify({ now: "2027-02-01T00:00:00Z" }))).status).toBe(200);
    expect((await put(JSON.stringify({ now: null }))).status).toBe(200);
    expect(await isClockSimulated()).toBe(false);

    expect(await setDemoClockAction({ now: "2027-03-01T12:00:00.000Z" })).toMatchObject({
      ok: true,
      data: { simulated: true },
    });
    expect(await resetDemoClockAction({})).toMatchObject({ ok: true, data: { simulated: false } });
    expect(await setDemoClockAction({ now: "yesterday" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await getDemoClock(admin, { realNow: new Date() })).toMatchObject({ simulated: false });
  });
});
