// The account's webhook signing secret at rest: sealed with the secret box, bound to the
// account, so a sealed secret copied onto another account does not open.
import "server-only";
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

const associatedData = (ownerId: string) => `webhook-secret:${ownerId}`;

export function sealWebhookSecret(secret: string, ownerId: string): string {
  return encryptSecret(secret, getConfig().encryptionKey, associatedData(ownerId));
}

export function openWebhookSecret(sealed: string, ownerId: string): string {
  return decryptSecret(sealed, getConfig().encryptionKey, associatedData(ownerId));
}
