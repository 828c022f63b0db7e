// Putting the previous files of an SSH deployment back and reloading, on an open session:
// what an automatic rollback after a failed reload and a rollback asked for later both do.
// Each file's predecessor is moved back over it (atomically, as it was installed); a file
// that had none stays as deployed, and when no file had one there is nothing to go back to.
import "server-only";
import type { CreateStepLog } from "@/lib/deploy/create-step-log";
import type { DeployFailure, SshDeploymentRecord } from "@/lib/deploy/deployment-contracts";
import type { SshSession } from "@/lib/deploy/open-ssh-session";
import { FILE_KIND_LABELS } from "@/lib/deploy/plan-ssh-deployment";
import { runReloadCommand } from "@/lib/deploy/run-reload-command";
import { SshDeployError } from "@/lib/deploy/ssh-deploy-error";

export type RestoreOutcome =
  | { status: "RESTORED" }
  | { status: "NOTHING_TO_RESTORE"; message: string }
  | { status: "FAILED"; failure: DeployFailure };

export const NOTHING_TO_ROLL_BACK =
  "No deployed file had a previous version on the server, so there is nothing to roll back to";

/** Moves each kept predecessor back into place; tries every file even when one fails. */
export async function restorePreviousFiles(
  session: SshSession,
  record: SshDeploymentRecord,
  log: CreateStepLog,
): Promise<RestoreOutcome> {
  const withBackup = record.files.filter((file) => file.backupPath !== null);
  if (withBackup.length === 0) {
    log.skip("restore", { summary: NOTHING_TO_ROLL_BACK });
    return { status: "NOTHING_TO_RESTORE", message: NOTHING_TO_ROLL_BACK };
  }
  let firstFailure: DeployFailure | null = null;
  for (const file of record.files) {
    const label = FILE_KIND_LABELS[file.kind];
    if (file.backupPath === null) {
      log.skip("restore", { summary: `The ${label} had no previous version; it stays as deployed`, path: file.path });
      continue;
    }
    const backupPath = file.backupPath;
    try {
      await log.run("restore", { summary: `Put the previous ${label} back from ${backupPath}`, path: file.path }, () =>
        session.replace(backupPath, file.path),
      );
    } catch (error) {
      if (!(error instanceof SshDeployError)) throw error;
      firstFailure ??= error.failure;
    }
  }
  return firstFailure ? { status: "FAILED", failure: firstFailure } : { status: "RESTORED" };
}

export type RollBackOutcome =
  | { status: "ROLLED_BACK" }
  | { status: "NOTHING_TO_ROLL_BACK"; message: string }
  | { status: "FAILED"; failure: DeployFailure };

export async function rollBackOverSession(
  session: SshSession,
  record: SshDeploymentRecord,
  reloadCommand: string,
  log: CreateStepLog,
): Promise<RollBackOutcome> {
  const restored = await restorePreviousFiles(session, record, log);
  if (restored.status === "NOTHING_TO_RESTORE") return { status: "NOTHING_TO_ROLL_BACK", message: restored.message };
  // Reload even after a partial restore: the server is best served by whatever is back.
  const reloaded = await runReloadCommand(session, reloadCommand, log, "reload-previous");
  if (restored.status === "FAILED") return restored;
  return reloaded.ok ? { status: "ROLLED_BACK" } : { status: "FAILED", failure: reloaded.failure };
}
