// One deployment, rollback or connection test at a time per target: two at once would
// interleave their uploads and backups on the server. Whoever holds a target holds it until
// a time (wall clock) longer than any attempt takes, so a process that dies mid-way does
// not keep it forever; the condition in the update decides, not a read before it.
import "server-only";
import { db } from "@/lib/db/client";

export const TARGET_HOLD_MS = 10 * 60_000;

/** The hold's end when the target was free and is now held, or null: someone else holds it. */
export async function holdTarget(targetId: string, realNow: Date): Promise<Date | null> {
  const until = new Date(realNow.getTime() + TARGET_HOLD_MS);
  const held = await db.deploymentTarget.updateMany({
    where: { id: targetId, OR: [{ busyUntil: null }, { busyUntil: { lte: realNow } }] },
    data: { busyUntil: until },
  });
  return held.count === 1 ? until : null;
}

/** Lets the target go, if this hold is still the one on it. */
export async function releaseTarget(targetId: string, heldUntil: Date): Promise<void> {
  await db.deploymentTarget.updateMany({ where: { id: targetId, busyUntil: heldUntil }, data: { busyUntil: null } });
}
