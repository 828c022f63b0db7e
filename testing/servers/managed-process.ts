// A server process a test starts and must stop: its output is kept for error messages,
// it is ready when its log says so and, for servers that log before they bind (Pebble),
// once a probe gets an answer; it is killed when the test process exits, even after a
// failure, so no server outlives its test.
import { type ChildProcess, spawn } from "node:child_process";

export type ManagedProcess = {
  readonly name: string;
  readonly pid: number;
  /** Everything the process wrote to stdout and stderr so far (the last 64 kB). */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s) and resolves once it has exited. */
  stop(): Promise<void>;
};

export type StartProcessOptions = {
  /** For messages: "PowerDNS", "Pebble". */
  name: string;
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Output that means the server is about to be ready. */
  readyWhen: RegExp;
  /** Asked after `readyWhen` until it resolves true: a request the server must answer. */
  probe?: () => Promise<boolean>;
  /** Give up (and kill it) after this long without `readyWhen`. Default 15 s. */
  timeoutMs?: number;
};

const MAX_OUTPUT = 64 * 1024;
/** Between two probes of a server that has logged but not bound yet. */
const PROBE_INTERVAL_MS = 50;
const STOP_GRACE_MS = 5_000;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous on purpose: nothing asynchronous runs in an "exit" handler.
  process.once("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export class ProcessStartError extends Error {
  constructor(
    readonly serverName: string,
    message: string,
    readonly output: string,
  ) {
    super(`${message}\n--- ${serverName} output ---\n${output.slice(-4000)}`);
    this.name = "ProcessStartError";
  }
}

export function startManagedProcess(options: StartProcessOptions): Promise<ManagedProcess> {
  installExitHook();
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-MAX_OUTPUT);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  child.once("exit", () => live.delete(child));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited(child);
      clearTimeout(force);
    }
    live.delete(child);
  };

  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout?.off("data", check);
      child.stderr?.off("data", check);
      child.off("exit", onExit);
      child.off("error", onError);
    };
    const fail = (message: string) => {
      cleanUp();
      void stop().then(() => reject(new ProcessStartError(options.name, message, output)));
    };
    const ready = () => {
      cleanUp();
      resolve({ name: options.name, pid: child.pid ?? 0, output: () => output, stop });
    };
    let probing = false;
    const probe = async () => {
      if (!options.probe) return ready();
      // Until the deadline or an exit, which clear the timer and reject.
      while (child.exitCode === null && child.signalCode === null) {
        let answered = false;
        try {
          answered = await options.probe();
        } catch {
          // Refused or reset: the server is not listening yet.
        }
        if (answered) return ready();
        await new Promise((wait) => setTimeout(wait, PROBE_INTERVAL_MS));
      }
    };
    const check = () => {
      if (probing || !options.readyWhen.test(output)) return;
      probing = true;
      void probe();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`${options.name} exited before it was ready (${signal ?? `exit code ${code}`})`);
    const onError = (error: Error) => fail(`${options.name} could not be started: ${error.message}`);
    const timer = setTimeout(() => fail(`${options.name} was not ready within ${timeoutMs} ms`), timeoutMs);
    // After `append` (registered first), so `output` already holds the chunk.
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}
