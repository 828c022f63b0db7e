// What the "Create API key" dialog sends and the action parses. Client-safe (zod/mini);
// lib/api-keys/create-api-key.ts has the last word (the limit of active keys).
import * as z from "zod/mini";
import { API_KEY_EXPIRY_CHOICES, API_KEY_NAME_MAX_LENGTH, API_KEY_SCOPES } from "@/lib/api-keys/api-key-rules";

export const createApiKeyInputSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "REQUIRED"), z.maxLength(API_KEY_NAME_MAX_LENGTH, "TOO_LONG")),
  scope: z.enum(API_KEY_SCOPES),
  expiresInDays: z.enum(API_KEY_EXPIRY_CHOICES),
});

export type CreateApiKeyInput = z.output<typeof createApiKeyInputSchema>;
