// The only place that reads the wall clock. Rules take `now` as an argument; the
// boundaries (pages, actions, the job) ask this module for it. With DEMO_MODE the
// operator can shift the whole app in time: the shift is stored in the database
// so every instance and every request sees the same simulated time.
import { cache } from "react";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";

/** Real time, for what must never follow the demo clock: sign-in limits, job heartbeats, tokens. */
export function systemNow(): Date {
  return new Date();
}

/**
 * Milliseconds the demo clock is ahead of (or behind) real time; 0 outside DEMO_MODE.
 * Read once per server render (layout, page and metadata all ask); elsewhere on each call.
 */
export const getClockOffsetMs = cache(async (): Promise<number> => {
  if (!getConfig().demoMode) return 0;
  const setting = await db.clockSetting.findUnique({ where: { id: "global" }, select: { offsetMs: true } });
  return setting ? Number(setting.offsetMs) : 0;
});

/** "Now" for every business rule and job: real time, shifted by the demo clock. */
export async function now(): Promise<Date> {
  const offset = await getClockOffsetMs();
  return new Date(systemNow().getTime() + offset);
}

export async function isClockSimulated(): Promise<boolean> {
  return (await getClockOffsetMs()) !== 0;
}
