import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { sealSshCredentials } from "@/lib/deploy/deploy-credentials";
import { checkSshTargetInput } from "@/lib/deployment-targets/check-ssh-target-input";
import {
  type SshTargetInput,
  sshCredentialsOf,
  toSshTargetSettings,
} from "@/lib/deployment-targets/deployment-target-input";
import { newDeploymentTargetId } from "@/lib/deployment-targets/new-deployment-target-id";
import type { SaveTargetResult } from "@/lib/deployment-targets/save-target-result";
import { sshTargetAuditView } from "@/lib/deployment-targets/target-audit-view";

/**
 * Adds one of the owner's SSH targets with the host key the customer confirmed. The
 * credentials are sealed bound to the new target's id and are never read back for display;
 * the key must open, and the server and every endpoint must be reachable under the address
 * policy. Nothing is sent to the server here ("Test connection" does that).
 */
export async function createSshTarget(input: {
  ownerId: string;
  target: SshTargetInput;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<SaveTargetResult> {
  const credentials = sshCredentialsOf(input.target);
  if (!credentials) return missingCredentials(input.target.authKind);
  const settings = toSshTargetSettings(input.target);
  const problems = await checkSshTargetInput({ host: settings.host, endpoints: input.target.endpoints, credentials });
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const id = newDeploymentTargetId();
  await db.$transaction(async (tx) => {
    await tx.deploymentTarget.create({
      data: {
        id,
        ownerId: input.ownerId,
        kind: "SSH",
        name: input.target.name,
        sshHost: settings.host,
        sshPort: settings.port,
        sshUsername: settings.username,
        sshAuthKind: credentials.kind === "password" ? "PASSWORD" : "PRIVATE_KEY",
        credentialsEncrypted: sealSshCredentials(credentials, id),
        hostKeyType: settings.hostKey.keyType,
        hostKeyFingerprint: settings.hostKey.fingerprint,
        files: settings.files,
        reloadCommand: settings.reloadCommand,
        autoRollback: input.target.autoRollback,
        endpoints: input.target.endpoints,
        createdAt: input.now,
      },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "deployment_target.create",
      targetType: "DeploymentTarget",
      targetId: id,
      after: sshTargetAuditView(input.target.name, settings, credentials.kind, input.target.endpoints),
      ip: input.ip,
      at: input.now,
    });
  });
  return { ok: true, targetId: id };
}

/** The problem of a form that chose a kind of credentials and gave none. */
export function missingCredentials(authKind: "password" | "privateKey"): SaveTargetResult & { ok: false } {
  return authKind === "password"
    ? { ok: false, problems: { password: "PASSWORD_REQUIRED" } }
    : { ok: false, problems: { privateKey: "PRIVATE_KEY_REQUIRED" } };
}
