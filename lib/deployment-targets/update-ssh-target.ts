import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { sealSshCredentials } from "@/lib/deploy/deploy-credentials";
import { checkSshTargetInput } from "@/lib/deployment-targets/check-ssh-target-input";
import { missingCredentials } from "@/lib/deployment-targets/create-ssh-target";
import {
  type SshTargetInput,
  sshCredentialsOf,
  toSshTargetSettings,
} from "@/lib/deployment-targets/deployment-target-input";
import type { SaveTargetResult } from "@/lib/deployment-targets/save-target-result";
import { sshTargetAuditView } from "@/lib/deployment-targets/target-audit-view";
import { AppError } from "@/lib/errors";

/**
 * Changes one of the owner's SSH targets. Credentials left empty are kept (they are never
 * shown, so the form cannot send them back); a new host key (re-pinned after the server's key
 * changed) is recorded in the audit log with the one it replaces. An automatic deployment
 * waiting for its retry is tried at the next run, since the change may be its fix.
 */
export async function updateSshTarget(input: {
  ownerId: string;
  targetId: string;
  target: SshTargetInput;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<SaveTargetResult> {
  const existing = await db.deploymentTarget.findFirst({
    where: { id: input.targetId, ownerId: input.ownerId, kind: "SSH" },
    select: { id: true, sshAuthKind: true, hostKeyFingerprint: true },
  });
  if (!existing) throw new AppError("NOT_FOUND");
  const credentials = sshCredentialsOf(input.target);
  const storedKind = existing.sshAuthKind === "PASSWORD" ? "password" : "privateKey";
  if (!credentials && storedKind !== input.target.authKind) return missingCredentials(input.target.authKind);

  const settings = toSshTargetSettings(input.target);
  const problems = await checkSshTargetInput({ host: settings.host, endpoints: input.target.endpoints, credentials });
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  await db.$transaction(async (tx) => {
    const updated = await tx.deploymentTarget.updateMany({
      where: { id: existing.id, ownerId: input.ownerId },
      data: {
        name: input.target.name,
        sshHost: settings.host,
        sshPort: settings.port,
        sshUsername: settings.username,
        ...(credentials
          ? {
              sshAuthKind: credentials.kind === "password" ? "PASSWORD" : "PRIVATE_KEY",
              credentialsEncrypted: sealSshCredentials(credentials, existing.id),
            }
          : {}),
        hostKeyType: settings.hostKey.keyType,
        hostKeyFingerprint: settings.hostKey.fingerprint,
        files: settings.files,
        reloadCommand: settings.reloadCommand,
        autoRollback: input.target.autoRollback,
        endpoints: input.target.endpoints,
      },
    });
    if (updated.count === 0) throw new AppError("NOT_FOUND");
    await tx.targetDeployment.updateMany({
      where: { targetId: existing.id, ownerId: input.ownerId, status: "PENDING" },
      data: { nextAttemptAt: systemNow() },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "deployment_target.update",
      targetType: "DeploymentTarget",
      targetId: existing.id,
      before: { hostKey: existing.hostKeyFingerprint },
      after: sshTargetAuditView(
        input.target.name,
        settings,
        credentials ? credentials.kind : "unchanged",
        input.target.endpoints,
      ),
      ip: input.ip,
      at: input.now,
    });
  });
  return { ok: true, targetId: existing.id };
}
