// The SecretKey at rest: sealed with the secret box under ENCRYPTION_KEY, bound to its key's
// row id, so a sealed secret copied onto another key does not open. It must be recoverable
// (the server recomputes each request's HMAC with it), so it is encrypted, not hashed.
import "server-only";
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

export function sealApiSecretKey(secretKey: string, apiKeyId: string): string {
  return encryptSecret(secretKey, getConfig().encryptionKey, apiKeyId);
}

export function openApiSecretKey(sealed: string, apiKeyId: string): string {
  return decryptSecret(sealed, getConfig().encryptionKey, apiKeyId);
}
