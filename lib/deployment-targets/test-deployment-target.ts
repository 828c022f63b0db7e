import "server-only";
import { db } from "@/lib/db/client";
import { checkSshTarget } from "@/lib/deploy/check-ssh-target";
import { deployAddressPermit, resolveDeployAddress } from "@/lib/deploy/deploy-address-policy";
import type { DeployFailure, DeployStep } from "@/lib/deploy/deployment-contracts";
import {
  openTargetCredentials,
  readDeploymentTarget,
  TARGET_SETTINGS_SELECT,
} from "@/lib/deployment-targets/read-deployment-target";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export type TestDeploymentTargetResult =
  | { ok: true; steps: DeployStep[] }
  | {
      ok: false;
      failure: Pick<DeployFailure, "reason" | "message" | "expectedFingerprint" | "presentedFingerprint">;
      steps: DeployStep[];
    };

/**
 * "Test connection": for an SSH target, the checks a deployment meets first with nothing
 * written (the address policy, the pinned host key, the login, the folders of its files);
 * for a deploy webhook, whether its host may be reached (nothing is sent: a test event would
 * be a deployment to the receiver).
 */
export async function testDeploymentTarget(input: {
  ownerId: string;
  targetId: string;
}): Promise<TestDeploymentTargetResult> {
  const target = await db.deploymentTarget.findFirst({
    where: { id: input.targetId, ownerId: input.ownerId },
    select: { ...TARGET_SETTINGS_SELECT, credentialsEncrypted: true },
  });
  if (!target) throw new AppError("NOT_FOUND");
  const settings = readDeploymentTarget(target);
  if (settings.kind === "WEBHOOK") {
    const resolved = await resolveDeployAddress(new URL(settings.webhook.url).hostname, deployAddressPermit());
    return resolved.ok ? { ok: true, steps: [] } : { ok: false, failure: resolved.failure, steps: [] };
  }
  let credentials: ReturnType<typeof openTargetCredentials>;
  try {
    credentials = openTargetCredentials(target);
  } catch (error) {
    logger.error({ err: error, targetId: target.id }, "a deployment target's credentials do not open");
    return {
      ok: false,
      failure: { reason: "FAILED", message: "The target's credentials cannot be read: enter them again" },
      steps: [],
    };
  }
  return checkSshTarget({ target: settings.ssh, credentials });
}
