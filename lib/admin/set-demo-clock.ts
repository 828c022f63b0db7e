import "server-only";
import { sql } from "kysely";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { type DemoClock, getDemoClock } from "@/lib/admin/get-demo-clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";

/** How far from real time the demo clock may be set, either way. */
export const MAX_CLOCK_SHIFT_MS = 50 * 366 * 24 * 60 * 60 * 1000;

/**
 * Sets the simulated current time (DEMO_MODE only): stores offset = requested − real
 * time, so every request, rule and job run sees the shifted clock; `now: null` goes
 * back to real time. Audited with the offset and simulated time before and after.
 */
export async function setDemoClock(
  actor: Actor,
  input: { now: Date | null },
  context: { ip: string | null; now: Date; realNow: Date },
): Promise<DemoClock> {
  assertAdmin(actor);
  if (!getConfig().demoMode) throw new AppError("NOT_FOUND");
  const offsetMs = input.now ? input.now.getTime() - context.realNow.getTime() : 0;
  if (!Number.isSafeInteger(offsetMs) || Math.abs(offsetMs) > MAX_CLOCK_SHIFT_MS) throw new AppError("INVALID_INPUT");

  await db.$transaction(async (tx) => {
    await tx.clockSetting.upsert({ where: { id: "global" }, create: { id: "global" }, update: {} });
    const rows = await queryRows(
      tx,
      sqlBuilder.selectFrom("ClockSetting").select("offsetMs").where("id", "=", sql.lit("global")).forUpdate(),
    );
    const previous = Number(rows[0]?.offsetMs ?? 0);
    await tx.clockSetting.update({ where: { id: "global" }, data: { offsetMs: BigInt(offsetMs) } });
    const clockState = (offset: number) => ({
      offsetMs: offset,
      simulatedNow: offset === 0 ? null : new Date(context.realNow.getTime() + offset).toISOString(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.now ? "clock.set" : "clock.reset",
      targetType: "ClockSetting",
      targetId: "global",
      before: clockState(previous),
      after: clockState(offsetMs),
      ip: context.ip,
      at: context.now,
    });
  });
  return getDemoClock(actor, { realNow: context.realNow });
}
