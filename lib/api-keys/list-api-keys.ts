import "server-only";
import { type ApiKeyScopeName, type ApiKeyStatus, apiKeyStatus } from "@/lib/api-keys/api-key-rules";
import { db } from "@/lib/db/client";

export type ApiKeyView = {
  id: string;
  name: string;
  secretId: string;
  scope: ApiKeyScopeName;
  status: ApiKeyStatus;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
};

/** How many revoked or expired keys the page keeps showing, newest first, after the active ones. */
const PAST_KEYS_SHOWN = 20;

/** The owner's keys for the API keys page: never their secrets. */
export async function listApiKeys(ownerId: string, now: Date): Promise<ApiKeyView[]> {
  const keys = await db.apiKey.findMany({
    where: { ownerId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      secretId: true,
      scope: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      lastUsedIp: true,
    },
  });
  const views = keys.map((key) => ({
    ...key,
    status: apiKeyStatus(key, now),
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  }));
  const active = views.filter((key) => key.status === "ACTIVE");
  const past = views.filter((key) => key.status !== "ACTIVE").slice(0, PAST_KEYS_SHOWN);
  return [...active, ...past];
}
