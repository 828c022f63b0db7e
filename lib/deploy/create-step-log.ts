// The step log of one deployment, verification or rollback: each step with when it started,
// how long it took, how it ended and what the server said. Every text that enters it goes
// through redactStepOutput with the secrets of that run, so the log can be stored and shown.
import type { DeployStep, DeployStepName } from "@/lib/deploy/deployment-contracts";
import { redactStepOutput } from "@/lib/deploy/redact-step-output";

export type StepDetails = { summary: string; path?: string; command?: string };
export type StepEnd = { summary?: string; output?: string; exitCode?: number | null };

export type RunningStep = {
  ok(end?: StepEnd): void;
  fail(end?: StepEnd): void;
};

export type CreateStepLog = {
  readonly steps: DeployStep[];
  start(name: DeployStepName, details: StepDetails): RunningStep;
  skip(name: DeployStepName, details: StepDetails): void;
  /** Runs `action` as one step: ok when it resolves, failed (with the error's message) when it throws, which it rethrows. */
  run<T>(name: DeployStepName, details: StepDetails, action: () => Promise<T>): Promise<T>;
};

/** `clock`: wall time (lib/clock systemNow); `secrets`: every password, passphrase and key of the run. */
export function createStepLog(clock: () => Date, secrets: readonly string[]): CreateStepLog {
  const steps: DeployStep[] = [];
  const clean = (text: string) => redactStepOutput(text, secrets);

  const finish = (
    name: DeployStepName,
    details: StepDetails,
    startedAt: Date,
    endedAt: Date,
    status: DeployStep["status"],
    end: StepEnd = {},
  ) => {
    const step: DeployStep = {
      name,
      status,
      startedAt: startedAt.toISOString(),
      durationMs: Math.max(0, endedAt.getTime() - startedAt.getTime()),
      summary: clean(end.summary ?? details.summary),
    };
    if (details.path !== undefined) step.path = details.path;
    if (details.command !== undefined) step.command = clean(details.command);
    if (end.output !== undefined && end.output.trim() !== "") step.output = clean(end.output);
    if (end.exitCode !== undefined) step.exitCode = end.exitCode;
    steps.push(step);
  };

  const start = (name: DeployStepName, details: StepDetails): RunningStep => {
    const startedAt = clock();
    let done = false;
    const end = (status: DeployStep["status"]) => (result?: StepEnd) => {
      if (done) return;
      done = true;
      finish(name, details, startedAt, clock(), status, result);
    };
    return { ok: end("ok"), fail: end("failed") };
  };

  return {
    steps,
    start,
    skip: (name, details) => {
      const at = clock();
      finish(name, details, at, at, "skipped");
    },
    run: async (name, details, action) => {
      const step = start(name, details);
      try {
        const value = await action();
        step.ok();
        return value;
      } catch (error) {
        step.fail({ summary: `${details.summary}: ${error instanceof Error ? error.message : String(error)}` });
        throw error;
      }
    },
  };
}
