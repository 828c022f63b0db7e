// The target's reload command (`nginx -s reload`, `systemctl reload apache2`) as one logged
// step, with its output. Success is exit status 0; anything else, a signal or no end within
// the command timeout, is a failure the caller may roll back from.
import "server-only";
import type { CreateStepLog } from "@/lib/deploy/create-step-log";
import type { DeployFailure, DeployStepName } from "@/lib/deploy/deployment-contracts";
import type { SshSession } from "@/lib/deploy/open-ssh-session";
import { SshDeployError } from "@/lib/deploy/ssh-deploy-error";

export type ReloadOutcome = { ok: true } | { ok: false; failure: DeployFailure };

/** Runs the target's reload command as one step; a non-zero exit, a signal or a timeout is a failure. */
export async function runReloadCommand(
  session: SshSession,
  command: string,
  log: CreateStepLog,
  name: Extract<DeployStepName, "reload" | "reload-previous">,
): Promise<ReloadOutcome> {
  const step = log.start(name, {
    summary: name === "reload" ? "Run the reload command" : "Run the reload command again, on the previous files",
    command,
  });
  let result: Awaited<ReturnType<SshSession["run"]>>;
  try {
    result = await session.run(command);
  } catch (error) {
    if (!(error instanceof SshDeployError)) throw error;
    step.fail({ summary: error.failure.message });
    return { ok: false, failure: error.failure };
  }
  if (result.timedOut) {
    const failure: DeployFailure = {
      reason: "TIMEOUT",
      message: "The reload command did not finish in time and was stopped",
      exitCode: null,
    };
    step.fail({ summary: failure.message, output: result.output, exitCode: null });
    return { ok: false, failure };
  }
  if (result.exitCode !== 0) {
    const how =
      result.exitCode === null ? `was ended by signal ${result.signal ?? "unknown"}` : `exited with ${result.exitCode}`;
    const failure: DeployFailure = {
      reason: "RELOAD_FAILED",
      message: `The reload command ${how}`,
      exitCode: result.exitCode,
    };
    step.fail({ summary: failure.message, output: result.output, exitCode: result.exitCode });
    return { ok: false, failure };
  }
  step.ok({ summary: "The reload command succeeded", output: result.output, exitCode: 0 });
  return { ok: true };
}
