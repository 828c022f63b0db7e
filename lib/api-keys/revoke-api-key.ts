import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Revokes one of the owner's keys at once: the next request signed with it is refused, in
 * every app process, since each request re-reads its key (and the statement that admits it
 * checks revokedAt again, lib/api-keys/admit-api-request.ts). Revoking twice changes nothing.
 */
export async function revokeApiKey(input: {
  ownerId: string;
  apiKeyId: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<{ revoked: boolean }> {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: input.apiKeyId, ownerId: input.ownerId },
      select: { id: true, secretId: true, revokedAt: true },
    });
    if (!key) throw new AppError("NOT_FOUND");
    if (key.revokedAt) return { revoked: false };
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: input.now } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "api_key.revoke",
      targetType: "ApiKey",
      targetId: key.id,
      after: { secretId: key.secretId },
      ip: input.ip,
      at: input.now,
    });
    return { revoked: true };
  });
}
