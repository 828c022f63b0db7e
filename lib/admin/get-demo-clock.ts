import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type DemoClock = {
  simulated: boolean;
  offsetMs: number;
  /** The app's "now": real time shifted by the offset. */
  now: string;
  realNow: string;
  updatedAt: string | null;
};

/** The demo clock (DEMO_MODE only; otherwise there is no such thing: NOT_FOUND). */
export async function getDemoClock(actor: Actor, context: { realNow: Date }): Promise<DemoClock> {
  assertAdmin(actor);
  if (!getConfig().demoMode) throw new AppError("NOT_FOUND");
  const setting = await db.clockSetting.findUnique({ where: { id: "global" } });
  const offsetMs = setting ? Number(setting.offsetMs) : 0;
  return {
    simulated: offsetMs !== 0,
    offsetMs,
    now: new Date(context.realNow.getTime() + offsetMs).toISOString(),
    realNow: context.realNow.toISOString(),
    updatedAt: setting?.updatedAt.toISOString() ?? null,
  };
}
