// Rolls an SSH deployment back when asked (the customer's button, or the caller after a
// verification that found the server not serving the new certificate): connects, puts the
// files kept at deployment back, and reloads. A target that had no files before the
// deployment has nothing to go back to, and the result says so.
import "server-only";
import { systemNow } from "@/lib/clock";
import { connectSshTarget } from "@/lib/deploy/connect-ssh-target";
import { createStepLog } from "@/lib/deploy/create-step-log";
import { deployAddressPermit } from "@/lib/deploy/deploy-address-policy";
import type {
  SshCredentials,
  SshDeploymentRecord,
  SshRollbackResult,
  SshTargetSettings,
} from "@/lib/deploy/deployment-contracts";
import { DEFAULT_SSH_TIMEOUTS, type SshTimeouts } from "@/lib/deploy/open-ssh-session";
import { NOTHING_TO_ROLL_BACK, rollBackOverSession } from "@/lib/deploy/roll-back-over-session";
import { secretsOfDeployment } from "@/lib/deploy/secrets-of-deployment";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";

export async function rollBackSshDeployment(input: {
  target: SshTargetSettings;
  credentials: SshCredentials;
  /** As returned by deployOverSsh. */
  record: SshDeploymentRecord;
  addressPermit?: PrivateAddressPermit;
  timeouts?: Partial<SshTimeouts>;
}): Promise<SshRollbackResult> {
  const log = createStepLog(systemNow, secretsOfDeployment(input.credentials, null));
  if (input.record.files.every((file) => file.backupPath === null)) {
    log.skip("restore", { summary: NOTHING_TO_ROLL_BACK });
    return { status: "NOTHING_TO_ROLL_BACK", message: NOTHING_TO_ROLL_BACK, steps: log.steps };
  }
  const connected = await connectSshTarget({
    target: input.target,
    credentials: input.credentials,
    addressPermit: input.addressPermit ?? deployAddressPermit(),
    timeouts: { ...DEFAULT_SSH_TIMEOUTS, ...input.timeouts },
    log,
  });
  if (!connected.ok) return { status: "FAILED", failure: connected.failure, steps: log.steps };
  try {
    const outcome = await rollBackOverSession(connected.session, input.record, input.target.reloadCommand, log);
    return { ...outcome, steps: log.steps };
  } finally {
    connected.session.close();
  }
}
