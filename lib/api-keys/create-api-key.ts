import "server-only";
import { randomUUID } from "node:crypto";
import { apiKeyExpiry, MAX_ACTIVE_API_KEYS } from "@/lib/api-keys/api-key-rules";
import { sealApiSecretKey } from "@/lib/api-keys/api-key-secret";
import type { CreateApiKeyInput } from "@/lib/api-keys/create-api-key-input";
import { generateApiKeyPair } from "@/lib/api-keys/generate-api-key-pair";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";

export type CreatedApiKey = {
  id: string;
  name: string;
  scope: CreateApiKeyInput["scope"];
  secretId: string;
  /** Returned this once, to be shown once: only its sealed form is stored. */
  secretKey: string;
  expiresAt: string | null;
};

/**
 * A new key pair for the owner. At most MAX_ACTIVE_API_KEYS keys that are neither revoked nor
 * expired, as the original allows: counted with the owner's row locked, so two creations at
 * once cannot both pass the count. The audit entry names the key, never its secret.
 */
export async function createApiKey(
  input: CreateApiKeyInput & { ownerId: string; actorId: string; ip: string | null; now: Date },
): Promise<CreatedApiKey> {
  const id = randomUUID();
  const { secretId, secretKey } = generateApiKeyPair();
  const expiresAt = apiKeyExpiry(input.expiresInDays, input.now);
  await db.$transaction(async (tx) => {
    await queryRows(tx, sqlBuilder.selectFrom("User").select("id").where("id", "=", input.ownerId).forUpdate());
    const active = await tx.apiKey.count({
      where: {
        ownerId: input.ownerId,
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: input.now } }],
      },
    });
    if (active >= MAX_ACTIVE_API_KEYS) throw new AppError("API_KEY_LIMIT_REACHED", { max: MAX_ACTIVE_API_KEYS });
    await tx.apiKey.create({
      data: {
        id,
        ownerId: input.ownerId,
        name: input.name,
        secretId,
        secretKeyEncrypted: sealApiSecretKey(secretKey, id),
        scope: input.scope,
        expiresAt,
        createdAt: input.now,
      },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "api_key.create",
      targetType: "ApiKey",
      targetId: id,
      after: { name: input.name, scope: input.scope, secretId, expiresAt: expiresAt?.toISOString() ?? null },
      ip: input.ip,
      at: input.now,
    });
  });
  return { id, name: input.name, scope: input.scope, secretId, secretKey, expiresAt: expiresAt?.toISOString() ?? null };
}
