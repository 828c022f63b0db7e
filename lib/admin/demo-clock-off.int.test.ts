// Without DEMO_MODE the clock is the wall clock and the demo clock does not exist.
import { describe, expect, it } from "vitest";
import { actAs } from "@/testing/action-harness";

const { AppError } = await import("@/lib/errors");
const { getClockOffsetMs } = await import("@/lib/clock");
const { db } = await import("@/lib/db/client");
const { setDemoClock } = await import("@/lib/admin/set-demo-clock");
const { getDemoClock } = await import("@/lib/admin/get-demo-clock");
const { setDemoClockAction } = await import("@/app/admin/clock/actions");
const clockRoute = await import("@/app/api/admin/clock/route");
const { createTestUser } = await import("@/testing/factories");

describe("the demo clock outside DEMO_MODE", () => {
  it("is not found, changes nothing, and a stored offset is ignored", async () => {
    expect(process.env.DEMO_MODE).toBe("false");
    const admin = await createTestUser({ role: "ADMIN" });
    const realNow = new Date();
    await expect(
      setDemoClock(admin, { now: new Date("2027-01-01T00:00:00Z") }, { ip: null, now: realNow, realNow }),
    ).rejects.toThrow(new AppError("NOT_FOUND"));
    await expect(getDemoClock(admin, { realNow })).rejects.toThrow(new AppError("NOT_FOUND"));
    actAs(admin);
    expect(await setDemoClockAction({ now: "2027-01-01T00:00:00Z" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const put = await clockRoute.PUT(
      new Request("http://localhost/api/admin/clock", {
        method: "PUT",
        body: JSON.stringify({ now: "2027-01-01T00:00:00Z" }),
      }),
    );
    expect(put.status).toBe(404);
    expect((await clockRoute.GET(new Request("http://localhost/api/admin/clock"))).status).toBe(404);
    expect(
      (await clockRoute.DELETE(new Request("http://localhost/api/admin/clock", { method: "DELETE" }))).status,
    ).toBe(404);
    expect(await db.clockSetting.count()).toBe(0);

    await db.clockSetting.create({ data: { id: "global", offsetMs: 86_400_000n } });
    expect(await getClockOffsetMs()).toBe(0);
  });
});
