import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";

export type AccountState = { userId: string; disabledAt: string | null; sessionVersion: number; changed: boolean };

/**
 * Disables an account (it is signed out on its next request: disabledAt is set and
 * sessionVersion bumped, and every request re-reads both) or enables it again.
 * Audited; an administrator cannot disable themselves. Setting the state it already
 * has changes and records nothing.
 */
export async function setAccountDisabled(
  actor: Actor,
  input: { userId: string; disabled: boolean },
  context: { ip: string | null; now: Date },
): Promise<AccountState> {
  assertAdmin(actor);
  if (input.disabled && input.userId === actor.id) throw new AppError("CANNOT_DISABLE_SELF");
  return db.$transaction(async (tx) => {
    const rows = await queryRows(
      tx,
      sqlBuilder
        .selectFrom("User")
        .select(["id", "disabledAt", "sessionVersion"])
        .where("id", "=", input.userId)
        .forUpdate(),
    );
    const user = rows[0];
    if (!user) throw new AppError("NOT_FOUND");
    const before = { disabledAt: user.disabledAt?.toISOString() ?? null, sessionVersion: user.sessionVersion };
    if (Boolean(user.disabledAt) === input.disabled) {
      return { userId: user.id, ...before, changed: false };
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: input.disabled ? { disabledAt: context.now, sessionVersion: { increment: 1 } } : { disabledAt: null },
      select: { disabledAt: true, sessionVersion: true },
    });
    const after = { disabledAt: updated.disabledAt?.toISOString() ?? null, sessionVersion: updated.sessionVersion };
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.disabled ? "user.disable" : "user.enable",
      targetType: "User",
      targetId: user.id,
      before,
      after,
      ip: context.ip,
      at: context.now,
    });
    return { userId: user.id, ...after, changed: true };
  });
}
