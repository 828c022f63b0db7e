// Test support for testing/scripts/check-start.ts: runs a command with its output in a
// log file, waits for an HTTP answer, and stops what it started, by process group, so
// nothing outlives the check even when it fails.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";

/** Environment of a started command (NODE_ENV may be left unset, as a new user's shell has it). */
export type Environment = Record<string, string | undefined>;

export type StartedProcess = {
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or 1 for a signal) once the process has exited. */
  exited: Promise<number>;
  isRunning: () => boolean;
  log: () => string;
};

// Process groups started here and not yet known to be gone, for stopEverythingStarted().
const groups = new Set<number>();

/** For an interrupted check: ends every process group it started. */
export function stopEverythingStarted(): void {
  for (const pid of groups) killGroup(pid);
}

export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Environment; logFile: string },
): StartedProcess {
  const output = openSync(options.logFile, "w");
  // Its own process group, so a failed check can stop every process under it at once.
  const child = spawn(command, args, {
    cwd: options.cwd,
    // Next.js's types declare NODE_ENV always set; a new user's shell leaves it unset.
    env: options.env as NodeJS.ProcessEnv,
    stdio: ["ignore", output, output],
    detached: true,
  });
  closeSync(output);
  if (child.pid !== undefined) groups.add(child.pid);
  let running = true;
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code, signal) => {
      running = false;
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
  return {
    child,
    logFile: options.logFile,
    exited,
    isRunning: () => running,
    log: () => (existsSync(options.logFile) ? readFileSync(options.logFile, "utf8") : ""),
  };
}

export function lastLines(text: string, count = 40): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}

/** Runs a command to completion; rejects with the end of its output when it fails. */
export async function runToCompletion(
  command: string,
  args: string[],
  options: { cwd: string; env: Environment; logFile: string },
): Promise<string> {
  const started = startProcess(command, args, options);
  const code = await started.exited;
  if (code !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${lastLines(started.log())}`);
  }
  return started.log();
}

async function pause(milliseconds: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Polls until `check` holds; fails with `failure()` at the deadline. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  failure: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(failure());
    await pause(250);
  }
}

/** Waits for `url` to answer 200; fails at once with the log when the process exits first. */
export async function waitForOk(started: StartedProcess, url: string, timeoutMs: number): Promise<void> {
  await waitUntil(
    async () => {
      if (!started.isRunning()) {
        throw new Error(
          `The server stopped before ${url} answered. Last lines of ${started.logFile}:\n${lastLines(started.log())}`,
        );
      }
      return fetch(url).then(
        (response) => response.status === 200,
        () => false,
      );
    },
    timeoutMs,
    () =>
      `${url} did not answer 200 within ${timeoutMs / 1000} s. Last lines of ${started.logFile}:\n${lastLines(started.log())}`,
  );
}

/** SIGTERM, as an operator would; then, past the grace period, SIGKILL to its whole group. */
export async function stopProcess(started: StartedProcess, graceMs = 30_000): Promise<void> {
  const pid = started.child.pid;
  if (!started.isRunning() || pid === undefined) return;
  started.child.kill("SIGTERM");
  const timer = setTimeout(() => killGroup(pid), graceMs);
  await started.exited;
  clearTimeout(timer);
}

/** Whatever is left of the process group (never anything else). */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
    groups.delete(pid);
  } catch (error) {
    // ESRCH: the group is already gone, which is what was wanted.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    groups.delete(pid);
  }
}
