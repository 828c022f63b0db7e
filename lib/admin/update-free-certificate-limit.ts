import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { MAX_FREE_CERTIFICATE_LIMIT } from "@/lib/admin/catalogue-limits";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";
import { getFreeCertificateLimit } from "@/lib/orders/free-certificate-limit";

/**
 * Sets how many free certificates one account may hold at once (0: none), audited with
 * the value before. Accounts already above a lowered limit keep what they hold; they
 * cannot apply for more until they are under it.
 */
export async function updateFreeCertificateLimit(
  actor: Actor,
  input: { limit: number },
  context: { ip: string | null; now: Date },
): Promise<{ limit: number; changed: boolean }> {
  assertAdmin(actor);
  if (!Number.isSafeInteger(input.limit) || input.limit < 0 || input.limit > MAX_FREE_CERTIFICATE_LIMIT) {
    throw new AppError("INVALID_INPUT");
  }
  return db.$transaction(async (tx) => {
    // The one settings row, created with its defaults the first time, then locked.
    await tx.platformSettings.upsert({ where: { id: "global" }, create: { id: "global" }, update: {} });
    await queryRows(tx, sqlBuilder.selectFrom("PlatformSettings").select("id").where("id", "=", "global").forUpdate());
    const before = await getFreeCertificateLimit(tx);
    if (before === input.limit) return { limit: before, changed: false };
    await tx.platformSettings.update({
      where: { id: "global" },
      data: { freeCertificateLimit: input.limit, updatedAt: context.now },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "settings.free_certificate_limit.update",
      targetType: "PlatformSettings",
      targetId: "global",
      before: { freeCertificateLimit: before },
      after: { freeCertificateLimit: input.limit },
      ip: context.ip,
      at: context.now,
    });
    return { limit: input.limit, changed: true };
  });
}
