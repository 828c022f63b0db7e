"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createApiKeyInputSchema } from "@/lib/api-keys/create-api-key-input";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { systemNow } from "@/lib/clock";

// API keys follow real time, not the demo clock (lib/api-keys/api-key-rules.ts).
export const createApiKeyAction = authedAction(
  createApiKeyInputSchema,
  { name: "createApiKey" },
  (input, { user, ip }) => createApiKey({ ...input, ownerId: user.id, actorId: user.id, ip, now: systemNow() }),
);

export const revokeApiKeyAction = authedAction(
  z.object({ apiKeyId: z.string().min(1).max(64) }),
  { name: "revokeApiKey" },
  ({ apiKeyId }, { user, ip }) => revokeApiKey({ ownerId: user.id, apiKeyId, actorId: user.id, ip, now: systemNow() }),
);
