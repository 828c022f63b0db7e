// Deploys a certificate to an SSH server: every file is uploaded under a temporary name
// beside its target with its mode, each file already there is kept under a backup name
// (a hard link, so the live file never goes missing), the new files are renamed into place
// (atomic within a folder), then the reload command runs. Each step is logged.
//
// Nothing on the server changes until every upload and backup has succeeded. A failure while
// renaming puts back what was already renamed (nothing was reloaded yet). When the reload
// fails the previous files are put back and reloaded if the caller asks (the customer's
// choice); the result says which of these happened, and keeps the record a later rollback
// (after a failed verification) needs.
import "server-only";
import { randomBytes } from "node:crypto";
import { systemNow } from "@/lib/clock";
import { connectSshTarget } from "@/lib/deploy/connect-ssh-target";
import { type CreateStepLog, createStepLog } from "@/lib/deploy/create-step-log";
import { deployAddressPermit } from "@/lib/deploy/deploy-address-policy";
import type {
  CertificateBundle,
  DeployFailure,
  SshCredentials,
  SshDeploymentRecord,
  SshDeployResult,
  SshTargetSettings,
} from "@/lib/deploy/deployment-contracts";
import { DEFAULT_SSH_TIMEOUTS, type SshSession, type SshTimeouts } from "@/lib/deploy/open-ssh-session";
import { FILE_KIND_LABELS, formatMode, type PlannedFile, planSshDeployment } from "@/lib/deploy/plan-ssh-deployment";
import { restorePreviousFiles, rollBackOverSession } from "@/lib/deploy/roll-back-over-session";
import { runReloadCommand } from "@/lib/deploy/run-reload-command";
import { secretsOfDeployment } from "@/lib/deploy/secrets-of-deployment";
import { SshDeployError } from "@/lib/deploy/ssh-deploy-error";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";

export type DeployOverSshInput = {
  target: SshTargetSettings;
  credentials: SshCredentials;
  bundle: CertificateBundle;
  /** Put the previous files back and reload again when the reload command fails. */
  rollbackOnReloadFailure: boolean;
  /** Default: DEMO_MODE or DEPLOY_ALLOWED_NETWORKS (deployAddressPermit). */
  addressPermit?: PrivateAddressPermit;
  timeouts?: Partial<SshTimeouts>;
};

export async function deployOverSsh(input: DeployOverSshInput): Promise<SshDeployResult> {
  const log = createStepLog(systemNow, secretsOfDeployment(input.credentials, input.bundle));
  // Refused before connecting: a bundle that cannot be turned into files is a caller's bug.
  const plan = planSshDeployment(input.target.files, input.bundle, randomBytes(6).toString("hex"));
  const connected = await connectSshTarget({
    target: input.target,
    credentials: input.credentials,
    addressPermit: input.addressPermit ?? deployAddressPermit(),
    timeouts: { ...DEFAULT_SSH_TIMEOUTS, ...input.timeouts },
    log,
  });
  if (!connected.ok) return { status: "NOT_DEPLOYED", failure: connected.failure, steps: log.steps };
  try {
    return await deployOverSession(connected.session, plan, input, log);
  } finally {
    connected.session.close();
  }
}

async function deployOverSession(
  session: SshSession,
  plan: PlannedFile[],
  input: DeployOverSshInput,
  log: CreateStepLog,
): Promise<SshDeployResult> {
  const record: SshDeploymentRecord = { files: [] };
  const uploaded = new Set<string>();
  try {
    for (const file of plan) {
      await log.run(
        "upload",
        {
          summary: `Upload the ${FILE_KIND_LABELS[file.kind]} as ${file.tempPath} (mode ${formatMode(file.mode)})`,
          path: file.tempPath,
        },
        () => session.writeNewFile(file.tempPath, file.content, file.mode),
      );
      uploaded.add(file.tempPath);
    }
    for (const file of plan) record.files.push(await keepPreviousFile(session, file, log));
  } catch (error) {
    await removeTemporaryFiles(session, uploaded, log);
    return { status: "NOT_DEPLOYED", failure: expectedFailure(error), steps: log.steps };
  }

  const installed: SshDeploymentRecord = { files: [] };
  try {
    for (const [index, file] of plan.entries()) {
      await log.run(
        "install",
        { summary: `Move the new ${FILE_KIND_LABELS[file.kind]} into place`, path: file.path },
        () => session.replace(file.tempPath, file.path),
      );
      uploaded.delete(file.tempPath);
      const kept = record.files[index];
      if (kept) installed.files.push(kept);
    }
  } catch (error) {
    const failure = expectedFailure(error);
    await removeTemporaryFiles(session, uploaded, log);
    // Nothing was reloaded yet: putting back what was renamed leaves the server as it was.
    const restored = await restorePreviousFiles(session, installed, log);
    if (restored.status === "FAILED") {
      return { status: "NEEDS_ATTENTION", failure, rollbackFailure: restored.failure, record, steps: log.steps };
    }
    return { status: "NOT_DEPLOYED", failure, steps: log.steps };
  }

  const reloaded = await runReloadCommand(session, input.target.reloadCommand, log, "reload");
  if (reloaded.ok) return { status: "DEPLOYED", record, steps: log.steps };
  if (!input.rollbackOnReloadFailure) {
    log.skip("restore", { summary: "Rollback was not asked for: the new files stay in place" });
    return { status: "NEEDS_ATTENTION", failure: reloaded.failure, rollbackFailure: null, record, steps: log.steps };
  }
  const rolledBack = await rollBackOverSession(session, record, input.target.reloadCommand, log);
  if (rolledBack.status === "ROLLED_BACK") {
    return { status: "ROLLED_BACK", failure: reloaded.failure, record, steps: log.steps };
  }
  const rollbackFailure: DeployFailure =
    rolledBack.status === "FAILED"
      ? rolledBack.failure
      : { reason: "NOTHING_TO_ROLL_BACK", message: rolledBack.message };
  return { status: "NEEDS_ATTENTION", failure: reloaded.failure, rollbackFailure, record, steps: log.steps };
}

async function keepPreviousFile(
  session: SshSession,
  file: PlannedFile,
  log: CreateStepLog,
): Promise<SshDeploymentRecord["files"][number]> {
  const label = FILE_KIND_LABELS[file.kind];
  const step = log.start("backup", { summary: `Keep the current ${label} as ${file.backupPath}`, path: file.path });
  try {
    const existing = await session.stat(file.path);
    if (!existing.exists) {
      step.ok({ summary: `No ${label} was there yet: nothing to keep` });
      return { kind: file.kind, path: file.path, backupPath: null };
    }
    if (existing.isDirectory) {
      throw new SshDeployError({ reason: "FAILED", path: file.path, message: `${file.path} is a folder, not a file` });
    }
    // A backup left by an earlier deployment gives way to the file being replaced now.
    await session.remove(file.backupPath);
    await session.link(file.path, file.backupPath);
    step.ok();
    return { kind: file.kind, path: file.path, backupPath: file.backupPath };
  } catch (error) {
    step.fail({ summary: expectedFailure(error).message });
    throw error;
  }
}

async function removeTemporaryFiles(session: SshSession, paths: Set<string>, log: CreateStepLog): Promise<void> {
  for (const path of paths) {
    try {
      await log.run("cleanup", { summary: `Remove the temporary file ${path}`, path }, () => session.remove(path));
    } catch (error) {
      // Logged as a failed step; what matters to the caller is the failure that led here.
      if (!(error instanceof SshDeployError)) throw error;
    }
  }
}

/** The typed failure of an SSH step; anything else is a bug and goes on up. */
function expectedFailure(error: unknown): DeployFailure {
  if (error instanceof SshDeployError) return error.failure;
  throw error;
}
