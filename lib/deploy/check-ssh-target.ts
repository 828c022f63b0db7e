// "Test connection" for an SSH target: the checks a deployment would meet first, with nothing
// written. Logs in (host key held to the pin), then looks at the folder of each file. Lets
// the console tell a wrong password or a missing folder apart before the first renewal.
import "server-only";
import path from "node:path";
import { systemNow } from "@/lib/clock";
import { connectSshTarget } from "@/lib/deploy/connect-ssh-target";
import { createStepLog } from "@/lib/deploy/create-step-log";
import { deployAddressPermit } from "@/lib/deploy/deploy-address-policy";
import type { DeployFailure, DeployStep, SshCredentials, SshTargetSettings } from "@/lib/deploy/deployment-contracts";
import { DEFAULT_SSH_TIMEOUTS, type SshTimeouts } from "@/lib/deploy/open-ssh-session";
import { secretsOfDeployment } from "@/lib/deploy/secrets-of-deployment";
import { SshDeployError } from "@/lib/deploy/ssh-deploy-error";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";

export type CheckSshTargetResult =
  | { ok: true; steps: DeployStep[] }
  | { ok: false; failure: DeployFailure; steps: DeployStep[] };

export async function checkSshTarget(input: {
  target: SshTargetSettings;
  credentials: SshCredentials;
  addressPermit?: PrivateAddressPermit;
  timeouts?: Partial<SshTimeouts>;
}): Promise<CheckSshTargetResult> {
  const log = createStepLog(systemNow, secretsOfDeployment(input.credentials, null));
  const connected = await connectSshTarget({
    target: input.target,
    credentials: input.credentials,
    addressPermit: input.addressPermit ?? deployAddressPermit(),
    timeouts: { ...DEFAULT_SSH_TIMEOUTS, ...input.timeouts },
    log,
  });
  if (!connected.ok) return { ok: false, failure: connected.failure, steps: log.steps };
  try {
    const folders = [...new Set(input.target.files.map((file) => path.posix.dirname(file.path)))];
    for (const folder of folders) {
      const step = log.start("check", { summary: `Check the folder ${folder}`, path: folder });
      try {
        const found = await connected.session.stat(folder);
        if (!found.exists || !found.isDirectory) {
          throw new SshDeployError({
            reason: "PATH_NOT_FOUND",
            path: folder,
            message: `${folder} is not a folder on the server`,
          });
        }
        step.ok({ summary: `${folder} exists` });
      } catch (error) {
        if (!(error instanceof SshDeployError)) throw error;
        step.fail({ summary: error.failure.message });
        return { ok: false, failure: error.failure, steps: log.steps };
      }
    }
    return { ok: true, steps: log.steps };
  } finally {
    connected.session.close();
  }
}
