// What the sshd and nginx test servers share: finding their Debian binaries (or saying what to
// install), a free loopback port, a private temporary folder, and a child process that is
// waited for until it says it is ready and is always stopped, group and all, even when the
// test fails or the process exits early.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export const INSTALL_HINT = "apt-get install openssh-server nginx";

const run = promisify(execFile);

/** The binary's absolute path, or an error saying which Debian package provides it. */
export function requireBinary(file: string, debianPackage: string): string {
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    throw new Error(`${file} is missing: the deploy integration tests need ${debianPackage} (Debian: ${INSTALL_HINT})`);
  }
}

/** Runs a short command (ssh-keygen, nginx -t); its stderr is in the error when it fails. */
export async function runCommand(file: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(file, args, { timeout: 15_000 });
    return stdout;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${file} ${args.join(" ")} failed: ${stderr?.trim() || String(error)}`);
  }
}

/** A folder only this user may enter (sshd refuses keys other users could read). */
export async function makePrivateTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await chmod(dir, 0o700);
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A port nothing listens on right now (the server binds it next; a lost race fails loudly). */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port was assigned");
  return address.port;
}

export type ServerProcess = {
  /** Everything it wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** Ends it and its process group; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
};

const live = new Set<ChildProcess>();
// A test process that ends without stopping its servers (a crash, a forgotten afterAll)
// still takes them with it.
process.once("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already; the child alone may remain.
    child.kill(signal);
  }
}

/**
 * Starts `file args` in its own process group and resolves when `ready` matches its output.
 * Rejects with the output when it exits first or is not ready within `timeoutMs`.
 */
export async function startServerProcess(input: {
  name: string;
  file: string;
  args: string[];
  ready: RegExp;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const child = spawn(input.file, input.args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  let output = "";
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      live.delete(child);
      resolve();
    });
    child.once("error", (error) => {
      output += `\n${String(error)}`;
      live.delete(child);
      resolve();
    });
  });
  const stop = async () => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const timeoutMs = input.timeoutMs ?? 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${input.name} was not ready within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (input.ready.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`${input.name} exited before it was ready (code ${child.exitCode}):\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { output: () => output, stop };
}
