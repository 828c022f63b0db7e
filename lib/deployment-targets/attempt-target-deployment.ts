// One attempt at one deployment, whoever started it (the Deploy button, the renewal job):
// the target is held, the certificate deployed to it (SSH: upload, install, reload, with
// the automatic rollback the customer chose; webhook: the signed event), then verified at
// its endpoints; a verification that finds another certificate served rolls an SSH target
// back when the customer chose automatic rollback. What happened is stored on the
// deployment (status, steps, the rollback record, what each endpoint served), the target
// is bound to the certificate when its files are in place, and an automatic deployment's
// customer is told, all in one transaction. planDeploymentOutcome decides what it means.
import "server-only";
import { systemNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { deployOverSsh } from "@/lib/deploy/deploy-over-ssh";
import type {
  CertificateBundle,
  DeploymentVerification,
  SshDeploymentRecord,
  SshTargetSettings,
  TlsEndpoint,
} from "@/lib/deploy/deployment-contracts";
import { postDeployWebhook } from "@/lib/deploy/post-deploy-webhook";
import { rollBackSshDeployment } from "@/lib/deploy/roll-back-ssh-deployment";
import { verifyDeployment } from "@/lib/deploy/verify-deployment";
import { appendLogEntry, type DeploymentLogEntry } from "@/lib/deployment-targets/deployment-log";
import { deploymentNoticeRow } from "@/lib/deployment-targets/deployment-notice-row";
import { holdTarget, releaseTarget } from "@/lib/deployment-targets/hold-target";
import { loadCertificateBundle } from "@/lib/deployment-targets/load-certificate-bundle";
import {
  type AttemptResult,
  type DeploymentFailureReason,
  type DeploymentOutcome,
  describeNotServing,
  planDeploymentOutcome,
  verificationCallsForRollback,
} from "@/lib/deployment-targets/plan-deployment-outcome";
import {
  openTargetCredentials,
  openTargetWebhookSecret,
  type ReadTarget,
  readDeploymentTarget,
  TARGET_SETTINGS_SELECT,
} from "@/lib/deployment-targets/read-deployment-target";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

export type AttemptTargetDeploymentResult =
  | ({ busy: false; deploymentId: string } & DeploymentOutcome)
  /** Someone else holds the target (another deployment, a rollback): nothing was done. */
  | { busy: true; deploymentId: string };

type Attempted = {
  result: AttemptResult;
  log: DeploymentLogEntry[];
  record: SshDeploymentRecord | null;
  verification: DeploymentVerification | null;
};

/**
 * Runs the attempt of a deployment its caller has just claimed (status RUNNING, `attempts`
 * counting this one). `now` is the app's clock (what the console shows), `realNow` wall
 * time (the retry schedule, the hold on the target).
 */
export async function attemptTargetDeployment(input: {
  deploymentId: string;
  now: Date;
  realNow: Date;
  /** How long endpoints may take to serve the new certificate after a reload (default: lib/deploy's). */
  settleMs?: number;
}): Promise<AttemptTargetDeploymentResult> {
  const deployment = await db.targetDeployment.findUniqueOrThrow({
    where: { id: input.deploymentId },
    select: {
      id: true,
      ownerId: true,
      trigger: true,
      attempts: true,
      status: true,
      certificateId: true,
      log: true,
      certificate: { select: { domain: true } },
      target: {
        select: { ...TARGET_SETTINGS_SELECT, credentialsEncrypted: true, webhookSecretEncrypted: true },
      },
    },
  });
  const { target } = deployment;
  const heldUntil = await holdTarget(target.id, input.realNow);
  if (!heldUntil) return { busy: true, deploymentId: deployment.id };
  try {
    const settings = readDeploymentTarget(target);
    const attempted = await runAttempt({
      deployment,
      target,
      settings,
      attempt: deployment.attempts,
      now: input.now,
      realNow: input.realNow,
      settleMs: input.settleMs,
    });
    const outcome = planDeploymentOutcome({
      deploymentId: deployment.id,
      trigger: deployment.trigger,
      attempt: deployment.attempts,
      result: attempted.result,
      realNow: input.realNow,
    });
    let log: unknown = deployment.log;
    for (const entry of attempted.log) log = appendLogEntry(log, entry);

    await db.$transaction(async (tx) => {
      const stored = await tx.targetDeployment.updateMany({
        // Still this attempt's: a claim that lapsed may have been taken over.
        where: { id: deployment.id, status: "RUNNING", attempts: deployment.attempts },
        data: {
          status: outcome.status,
          nextAttemptAt: outcome.nextAttemptAt,
          failureReason: outcome.failure?.reason ?? null,
          failureMessage: outcome.failure?.message.slice(0, 1_000) ?? null,
          log: log as Prisma.InputJsonValue,
          ...(attempted.record ? { record: attempted.record as unknown as Prisma.InputJsonObject } : {}),
          ...(attempted.verification
            ? {
                verification: attempted.verification as unknown as Prisma.InputJsonObject,
                verificationStatus: attempted.verification.status,
                verifiedAt: input.now,
              }
            : {}),
          finishedAt: outcome.status === "PENDING" ? null : input.now,
        },
      });
      if (stored.count === 0) return;
      if (outcome.bindsCertificate) {
        await tx.deploymentTarget.updateMany({
          where: { id: target.id, ownerId: deployment.ownerId },
          data: { certificateId: deployment.certificateId },
        });
      }
      if (outcome.notice) {
        await tx.notification.createMany({
          data: [
            deploymentNoticeRow({
              notice: outcome.notice,
              ownerId: deployment.ownerId,
              deploymentId: deployment.id,
              certificateId: deployment.certificateId,
              domain: deployment.certificate.domain,
              targetId: target.id,
              targetName: target.name,
              failure: outcome.failure,
              verification: attempted.verification,
              status: outcome.status,
              now: input.now,
            }),
          ],
          skipDuplicates: true,
        });
      }
    });
    return { busy: false, deploymentId: deployment.id, ...outcome };
  } finally {
    await releaseTarget(target.id, heldUntil);
  }
}

type AttemptContext = {
  deployment: { id: string; ownerId: string; certificateId: string };
  target: { id: string; credentialsEncrypted: string | null; webhookSecretEncrypted: string | null };
  settings: ReadTarget;
  attempt: number;
  now: Date;
  realNow: Date;
  settleMs: number | undefined;
};

async function runAttempt(context: AttemptContext): Promise<Attempted> {
  const { settings } = context;
  const bundle = await loadCertificateBundle({
    ownerId: context.deployment.ownerId,
    certificateId: context.deployment.certificateId,
    withPrivateKey: settings.kind === "SSH" || settings.webhook.includePrivateKey,
    now: context.now,
  });
  if (!bundle.ok) {
    const message =
      bundle.reason === "NO_PRIVATE_KEY"
        ? "CertDesk does not hold this certificate's private key, which the target needs"
        : "The certificate is not issued, has expired or has no files";
    return failedBeforeStart(bundle.reason, message);
  }
  return settings.kind === "SSH"
    ? deployToSsh(context, settings.ssh, settings.endpoints, bundle.bundle)
    : deployToWebhook(context, settings.webhook, settings.endpoints, bundle.bundle);
}

function failedBeforeStart(reason: DeploymentFailureReason, message: string): Attempted {
  return {
    result: { kind: "not-deployed", failure: { reason, message }, permanent: true },
    log: [],
    record: null,
    verification: null,
  };
}

async function deployToSsh(
  context: AttemptContext,
  ssh: SshTargetSettings & { autoRollback: boolean },
  endpoints: TlsEndpoint[],
  bundle: CertificateBundle,
): Promise<Attempted> {
  let credentials: ReturnType<typeof openTargetCredentials>;
  try {
    credentials = openTargetCredentials(context.target);
  } catch (error) {
    logger.error({ err: error, targetId: context.target.id }, "a deployment target's credentials do not open");
    return failedBeforeStart("SECRETS_UNREADABLE", "The target's credentials cannot be read: enter them again");
  }
  const entry = (
    action: DeploymentLogEntry["action"],
    outcome: DeploymentLogEntry["outcome"],
    steps: DeploymentLogEntry["steps"],
  ): DeploymentLogEntry => ({
    action,
    attempt: context.attempt,
    at: systemNow().toISOString(),
    outcome,
    steps,
  });

  const deployed = await deployOverSsh({
    target: ssh,
    credentials,
    bundle,
    rollbackOnReloadFailure: ssh.autoRollback,
  });
  switch (deployed.status) {
    case "NOT_DEPLOYED":
      return {
        result: { kind: "not-deployed", failure: deployed.failure },
        log: [entry("deploy", "NOT_DEPLOYED", deployed.steps)],
        record: null,
        verification: null,
      };
    case "ROLLED_BACK":
      return {
        result: { kind: "rolled-back", failure: deployed.failure },
        log: [entry("deploy", "ROLLED_BACK", deployed.steps)],
        record: deployed.record,
        verification: null,
      };
    case "NEEDS_ATTENTION": {
      const rollback = deployed.rollbackFailure
        ? `; putting the previous files back failed: ${deployed.rollbackFailure.message}`
        : "";
      return {
        result: {
          kind: "needs-attention",
          failure: { reason: deployed.failure.reason, message: `${deployed.failure.message}${rollback}` },
        },
        log: [entry("deploy", "NEEDS_ATTENTION", deployed.steps)],
        record: deployed.record,
        verification: null,
      };
    }
    case "DEPLOYED":
      break;
  }

  const log = [entry("deploy", "DEPLOYED", deployed.steps)];
  const verification = await verifyDeployment({ bundle, endpoints, settleMs: context.settleMs });
  if (verification.status === "SERVING" || !ssh.autoRollback || !verificationCallsForRollback(verification)) {
    return {
      result: { kind: "deployed", verification, record: deployed.record },
      log,
      record: deployed.record,
      verification,
    };
  }
  const rolledBack = await rollBackSshDeployment({ target: ssh, credentials, record: deployed.record });
  const notServing = { reason: "NOT_SERVING" as const, message: describeNotServing(verification) };
  if (rolledBack.status === "ROLLED_BACK") {
    log.push(entry("rollback", "ROLLED_BACK", rolledBack.steps));
    return { result: { kind: "rolled-back", failure: notServing }, log, record: deployed.record, verification };
  }
  if (rolledBack.status === "NOTHING_TO_ROLL_BACK") {
    // The target had none of these files before: what was deployed stays, not serving.
    log.push(entry("rollback", "NOTHING_TO_ROLL_BACK", rolledBack.steps));
    return {
      result: { kind: "deployed", verification, record: deployed.record },
      log,
      record: deployed.record,
      verification,
    };
  }
  log.push(entry("rollback", "FAILED", rolledBack.steps));
  return {
    result: {
      kind: "needs-attention",
      failure: {
        reason: "NOT_SERVING",
        message: `${notServing.message}; the rollback failed: ${rolledBack.failure.message}`,
      },
    },
    log,
    record: deployed.record,
    verification,
  };
}

async function deployToWebhook(
  context: AttemptContext,
  webhook: { url: string; includePrivateKey: boolean },
  endpoints: TlsEndpoint[],
  bundle: CertificateBundle,
): Promise<Attempted> {
  let signingSecret: string;
  try {
    signingSecret = openTargetWebhookSecret(context.target);
  } catch (error) {
    logger.error({ err: error, targetId: context.target.id }, "a deploy webhook's signing secret does not open");
    return failedBeforeStart("SECRETS_UNREADABLE", "The webhook's signing secret cannot be read: rotate it");
  }
  const posted = await postDeployWebhook({
    target: webhook,
    signingSecret,
    bundle,
    certificateId: context.deployment.certificateId,
    // The same on every retry, so the receiver can tell a repeat.
    deliveryId: context.deployment.id,
    attempt: context.attempt,
    now: context.realNow,
  });
  const entry = (outcome: DeploymentLogEntry["outcome"]): DeploymentLogEntry => ({
    action: "deploy",
    attempt: context.attempt,
    at: context.realNow.toISOString(),
    outcome,
    steps: posted.steps,
  });
  if (posted.status === "FAILED") {
    return {
      result: { kind: "not-deployed", failure: posted.failure },
      log: [entry("NOT_DEPLOYED")],
      record: null,
      verification: null,
    };
  }
  const verification =
    endpoints.length > 0 ? await verifyDeployment({ bundle, endpoints, settleMs: context.settleMs }) : null;
  return {
    result: { kind: "deployed", verification, record: null },
    log: [entry("DELIVERED")],
    record: null,
    verification,
  };
}
