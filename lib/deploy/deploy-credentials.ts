// Deployment secrets at rest: an SSH target's credentials and a deploy webhook's signing
// secret, sealed with the secret box and bound to their target, so a sealed value copied onto
// another target does not open. Open them only to deploy; never return them to the browser.
import "server-only";
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { sshCredentialsSchema } from "@/lib/deploy/deploy-target-schemas";
import type { SshCredentials } from "@/lib/deploy/deployment-contracts";

const credentialsData = (targetId: string) => `deploy-ssh-credentials:${targetId}`;
const webhookSecretData = (targetId: string) => `deploy-webhook-secret:${targetId}`;

export function sealSshCredentials(
  credentials: SshCredentials,
  targetId: string,
  key: Uint8Array = getConfig().encryptionKey,
): string {
  return encryptSecret(JSON.stringify(credentials), key, credentialsData(targetId));
}

/** Throws SecretDecryptionError when the envelope does not open, or an error when what it holds is not credentials. */
export function openSshCredentials(
  sealed: string,
  targetId: string,
  key: Uint8Array = getConfig().encryptionKey,
): SshCredentials {
  const opened = decryptSecret(sealed, key, credentialsData(targetId));
  // Neither JSON's nor zod's errors may be passed on: they quote the value.
  let value: unknown;
  try {
    value = JSON.parse(opened);
  } catch {
    throw new Error("The sealed value is not SSH credentials");
  }
  const parsed = sshCredentialsSchema.safeParse(value);
  if (!parsed.success) throw new Error("The sealed value is not SSH credentials");
  return parsed.data;
}

export function sealDeployWebhookSecret(
  secret: string,
  targetId: string,
  key: Uint8Array = getConfig().encryptionKey,
): string {
  return encryptSecret(secret, key, webhookSecretData(targetId));
}

export function openDeployWebhookSecret(
  sealed: string,
  targetId: string,
  key: Uint8Array = getConfig().encryptionKey,
): string {
  return decryptSecret(sealed, key, webhookSecretData(targetId));
}
