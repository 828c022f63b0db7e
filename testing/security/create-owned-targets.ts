// The deployment targets of the security tests' customer: an SSH target and a deploy
// webhook to act on, one SSH target to delete, and a deployment of the issued certificate
// in place (to verify and roll back). They point at 127.0.0.1 port 1, where nothing listens,
// so a call that goes through fails at once instead of reaching a server (the tests run in
// DEMO_MODE, where the address policy allows loopback).
import ssh2 from "ssh2";
import { db } from "@/lib/db/client";
import { createSshTarget } from "@/lib/deployment-targets/create-ssh-target";
import { createWebhookTarget } from "@/lib/deployment-targets/create-webhook-target";
import {
  createSshTargetInputSchema,
  createWebhookTargetInputSchema,
} from "@/lib/deployment-targets/deployment-target-input";
import { TEST_NOW } from "@/testing/factories";

export const CLOSED_PORT = 1;

/** A private key that opens (ssh2's own), for forms that must carry one. */
export const SECURITY_TEST_SSH_KEY = ssh2.utils.generateKeyPairSync("ed25519").private;

/** What the SSH target form sends, valid, for a server at 127.0.0.1:1 serving `serverName`. */
export function sshTargetFormInput(name: string, serverName: string) {
  return {
    name,
    host: "127.0.0.1",
    port: CLOSED_PORT,
    username: "deploy",
    authKind: "privateKey" as const,
    privateKey: SECURITY_TEST_SSH_KEY,
    passphrase: "",
    hostKey: { keyType: "ssh-ed25519" as const, fingerprint: `SHA256:${"A".repeat(43)}` },
    certificatePath: "/etc/nginx/ssl/site.pem",
    certificateMode: "0644",
    certificateContent: "fullChain" as const,
    chainPath: "",
    chainMode: "0644",
    privateKeyPath: "/etc/nginx/ssl/site.key",
    privateKeyMode: "0600",
    reloadCommand: "nginx -s reload",
    autoRollback: false,
    endpoints: [{ host: "127.0.0.1", port: CLOSED_PORT, serverName }],
  };
}

export function webhookTargetFormInput(name: string) {
  return { name, url: `https://127.0.0.1:${CLOSED_PORT}/deploy`, includePrivateKey: false, endpoints: [] };
}

export type OwnedTargets = {
  sshTargetId: string;
  webhookTargetId: string;
  deleteTargetId: string;
  /** A deployment of the issued certificate to the SSH target, in place, its predecessors kept. */
  deploymentId: string;
};

export async function createOwnedTargets(
  ownerId: string,
  input: { issuedCertificateId: string; domainMarker: string },
): Promise<OwnedTargets> {
  const context = { ownerId, actorId: ownerId, ip: null, now: TEST_NOW };
  const ssh = async (name: string) => {
    const created = await createSshTarget({
      ...context,
      target: createSshTargetInputSchema.parse(sshTargetFormInput(name, `www.hosted.${input.domainMarker}`)),
    });
    if (!created.ok) throw new Error(`the security tests' SSH target was refused: ${JSON.stringify(created.problems)}`);
    return created.targetId;
  };
  const sshTargetId = await ssh(`web.${input.domainMarker}`);
  const deleteTargetId = await ssh(`old.${input.domainMarker}`);
  const webhook = await createWebhookTarget({
    ...context,
    target: createWebhookTargetInputSchema.parse(webhookTargetFormInput(`hook.${input.domainMarker}`)),
  });
  if (!webhook.ok)
    throw new Error(`the security tests' webhook target was refused: ${JSON.stringify(webhook.problems)}`);
  const deployment = await db.targetDeployment.create({
    data: {
      ownerId,
      targetId: sshTargetId,
      certificateId: input.issuedCertificateId,
      trigger: "MANUAL",
      actorId: ownerId,
      status: "DEPLOYED",
      attempts: 1,
      record: {
        files: [
          {
            kind: "fullChain",
            path: "/etc/nginx/ssl/site.pem",
            backupPath: "/etc/nginx/ssl/site.pem.certdesk-previous",
          },
          {
            kind: "privateKey",
            path: "/etc/nginx/ssl/site.key",
            backupPath: "/etc/nginx/ssl/site.key.certdesk-previous",
          },
        ],
      },
      createdAt: TEST_NOW,
      finishedAt: TEST_NOW,
    },
  });
  await db.deploymentTarget.update({ where: { id: sshTargetId }, data: { certificateId: input.issuedCertificateId } });
  return { sshTargetId, webhookTargetId: webhook.targetId, deleteTargetId, deploymentId: deployment.id };
}
