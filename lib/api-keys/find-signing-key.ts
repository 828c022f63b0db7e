import "server-only";
import { type ApiKeyScopeName, apiKeyStatus } from "@/lib/api-keys/api-key-rules";
import { openApiSecretKey } from "@/lib/api-keys/api-key-secret";
import { db } from "@/lib/db/client";

export type SigningKey = { id: string; ownerId: string; scope: ApiKeyScopeName; secretKey: string };

/**
 * The key a request names by its SecretId, with its secret opened, if it may sign requests
 * now: not revoked, not expired, its owner's account enabled. null otherwise, whatever the
 * reason (the API answers all of them alike).
 */
export async function findSigningKey(secretId: string, now: Date): Promise<SigningKey | null> {
  const key = await db.apiKey.findUnique({
    where: { secretId },
    select: {
      id: true,
      ownerId: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      secretKeyEncrypted: true,
      owner: { select: { disabledAt: true } },
    },
  });
  if (!key || key.owner.disabledAt || apiKeyStatus(key, now) !== "ACTIVE") return null;
  return {
    id: key.id,
    ownerId: key.ownerId,
    scope: key.scope,
    secretKey: openApiSecretKey(key.secretKeyEncrypted, key.id),
  };
}
