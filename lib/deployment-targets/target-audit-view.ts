// What the audit log keeps of a target's settings: where it deploys and how it is checked,
// never a secret (the kind of credentials, not their value).

import type { SshTargetSettings, TlsEndpoint, WebhookTargetSettings } from "@/lib/deploy/deployment-contracts";
import type { Prisma } from "@/lib/generated/prisma/client";
import { webhookOrigin } from "@/lib/notifications/webhook-url";

export function sshTargetAuditView(
  name: string,
  settings: SshTargetSettings,
  credentialsKind: "password" | "privateKey" | "unchanged",
  endpoints: readonly TlsEndpoint[],
): Prisma.InputJsonObject {
  return {
    name,
    kind: "SSH",
    host: settings.host,
    port: settings.port,
    username: settings.username,
    hostKey: settings.hostKey.fingerprint,
    files: settings.files.map((file) => ({ kind: file.kind, path: file.path, mode: file.mode })),
    reloadCommand: settings.reloadCommand,
    credentials: credentialsKind,
    endpoints: endpoints.map((endpoint) => `${endpoint.host}:${endpoint.port} ${endpoint.serverName}`),
  };
}

export function webhookTargetAuditView(
  name: string,
  settings: WebhookTargetSettings,
  endpoints: readonly TlsEndpoint[],
): Prisma.InputJsonObject {
  return {
    name,
    kind: "WEBHOOK",
    // The path and query often carry the receiver's token.
    url: webhookOrigin(settings.url),
    includePrivateKey: settings.includePrivateKey,
    endpoints: endpoints.map((endpoint) => `${endpoint.host}:${endpoint.port} ${endpoint.serverName}`),
  };
}
