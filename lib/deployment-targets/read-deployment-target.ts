// A stored deployment target read back into lib/deploy's shapes, through the same schemas
// that checked it when it was saved: settings safe to show (no secret), and, only for a
// deployment, its secrets opened. Pure except for opening the secrets.
import "server-only";
import * as z from "zod/mini";
import { openDeployWebhookSecret, openSshCredentials } from "@/lib/deploy/deploy-credentials";
import { sshDeployFileSchema, tlsEndpointsSchema } from "@/lib/deploy/deploy-target-schemas";
import type {
  PinnedHostKey,
  SshCredentials,
  SshDeployFile,
  SshTargetSettings,
  TlsEndpoint,
  WebhookTargetSettings,
} from "@/lib/deploy/deployment-contracts";
import type { DeploymentTargetKind, SshAuthKind } from "@/lib/generated/prisma/enums";

/** The columns of a target that are safe to show (selected by every query that lists targets). */
export const TARGET_SETTINGS_SELECT = {
  id: true,
  ownerId: true,
  kind: true,
  name: true,
  sshHost: true,
  sshPort: true,
  sshUsername: true,
  sshAuthKind: true,
  hostKeyType: true,
  hostKeyFingerprint: true,
  files: true,
  reloadCommand: true,
  autoRollback: true,
  webhookUrl: true,
  includePrivateKey: true,
  endpoints: true,
  certificateId: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type StoredTargetRow = {
  id: string;
  kind: DeploymentTargetKind;
  name: string;
  sshHost: string | null;
  sshPort: number | null;
  sshUsername: string | null;
  sshAuthKind: SshAuthKind | null;
  hostKeyType: string | null;
  hostKeyFingerprint: string | null;
  files: unknown;
  reloadCommand: string | null;
  autoRollback: boolean;
  webhookUrl: string | null;
  includePrivateKey: boolean;
  endpoints: unknown;
};

export type SshTargetView = SshTargetSettings & {
  authKind: "password" | "privateKey";
  autoRollback: boolean;
};

export type ReadTarget =
  | { kind: "SSH"; ssh: SshTargetView; webhook: null; endpoints: TlsEndpoint[] }
  | { kind: "WEBHOOK"; ssh: null; webhook: WebhookTargetSettings; endpoints: TlsEndpoint[] };

const storedFiles = z.array(sshDeployFileSchema);

/** The target's settings; throws when the row does not hold a complete target (the database's CHECKs forbid it). */
export function readDeploymentTarget(row: StoredTargetRow): ReadTarget {
  const endpoints: TlsEndpoint[] = tlsEndpointsSchema.parse(row.endpoints);
  if (row.kind === "WEBHOOK") {
    if (!row.webhookUrl) throw new Error(`Deployment target ${row.id} has no webhook URL`);
    return {
      kind: "WEBHOOK",
      ssh: null,
      webhook: { url: row.webhookUrl, includePrivateKey: row.includePrivateKey },
      endpoints,
    };
  }
  if (
    !row.sshHost ||
    !row.sshPort ||
    !row.sshUsername ||
    !row.sshAuthKind ||
    !row.hostKeyType ||
    !row.hostKeyFingerprint ||
    !row.reloadCommand
  ) {
    throw new Error(`Deployment target ${row.id} is not a complete SSH target`);
  }
  const files: SshDeployFile[] = storedFiles.parse(row.files);
  const hostKey: PinnedHostKey = { keyType: row.hostKeyType, fingerprint: row.hostKeyFingerprint };
  return {
    kind: "SSH",
    ssh: {
      host: row.sshHost,
      port: row.sshPort,
      username: row.sshUsername,
      hostKey,
      files,
      reloadCommand: row.reloadCommand,
      authKind: row.sshAuthKind === "PASSWORD" ? "password" : "privateKey",
      autoRollback: row.autoRollback,
    },
    webhook: null,
    endpoints,
  };
}

/** The SSH credentials of a target, opened for one deployment, rollback or test. */
export function openTargetCredentials(target: { id: string; credentialsEncrypted: string | null }): SshCredentials {
  if (!target.credentialsEncrypted) throw new Error(`Deployment target ${target.id} has no credentials`);
  return openSshCredentials(target.credentialsEncrypted, target.id);
}

export function openTargetWebhookSecret(target: { id: string; webhookSecretEncrypted: string | null }): string {
  if (!target.webhookSecretEncrypted) throw new Error(`Deployment target ${target.id} has no signing secret`);
  return openDeployWebhookSecret(target.webhookSecretEncrypted, target.id);
}
