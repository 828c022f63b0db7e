// The one place that talks to ssh2: a logged-in SSH connection to an address that passed the
// address policy, whose host key was checked before anything was sent (ssh2 asks
// `hostVerifier` during the key exchange, before authentication), with SFTP and command
// execution as promises that time out and fail with typed errors (SshDeployError).
import "server-only";
import ssh2, {
  type ConnectConfig,
  type ServerHostKeyAlgorithm,
  type SFTPWrapper,
  type Client as SshClient,
} from "ssh2";
import type { PinnedHostKey, SshCredentials } from "@/lib/deploy/deployment-contracts";
import { describeHostKey, hostKeyAlgorithmsFor } from "@/lib/deploy/describe-host-key";
import { classifyConnectError, classifySftpError, SshDeployError } from "@/lib/deploy/ssh-deploy-error";
import { logger } from "@/lib/logger";

// ssh2 is CommonJS whose `utils` Node's ESM loader cannot see as a named export (the job's
// command line runs these modules unbundled), so both come from its default export.
const { Client, utils } = ssh2;

export type SshTimeouts = {
  /** TCP connection, key exchange and login. */
  connectMs: number;
  /** Each SFTP operation. */
  fileMs: number;
  /** The reload command. */
  commandMs: number;
};

export const DEFAULT_SSH_TIMEOUTS: SshTimeouts = { connectMs: 15_000, fileMs: 15_000, commandMs: 60_000 };

/** The most of a command's stdout and stderr kept in memory (the step log keeps less). */
const MAX_COMMAND_OUTPUT_BYTES = 64 * 1024;

export type CommandResult = { exitCode: number | null; signal: string | null; output: string; timedOut: boolean };

export type RemoteFileStat = { exists: false } | { exists: true; isDirectory: boolean };

export type SshSession = {
  hostKey: PinnedHostKey;
  writeNewFile(path: string, content: string, mode: number): Promise<void>;
  stat(path: string): Promise<RemoteFileStat>;
  /** Removes a file; one that is not there is fine. */
  remove(path: string): Promise<void>;
  /** A second name for an existing file (hardlink@openssh.com). */
  link(existingPath: string, newPath: string): Promise<void>;
  /** Atomic replacement within a folder (posix-rename@openssh.com): `to` is never missing. */
  replace(from: string, to: string): Promise<void>;
  run(command: string): Promise<CommandResult>;
  close(): void;
};

export type OpenSshSessionInput = {
  /** An IP address, already checked by the address policy. */
  address: string;
  /** The host name the user gave, for messages. */
  host: string;
  port: number;
  username: string;
  credentials: SshCredentials;
  /** null: accept whatever key the server presents (only to show it to the user for pinning). */
  pinned: PinnedHostKey | null;
  timeouts: SshTimeouts;
};

/** Connects and logs in, or throws SshDeployError with the reason. */
export async function openSshSession(input: OpenSshSessionInput): Promise<SshSession> {
  const auth = authenticationOf(input.credentials);
  const client = new Client();
  let presented: PinnedHostKey | null = null;
  const config: ConnectConfig = {
    host: input.address,
    port: input.port,
    username: input.username,
    readyTimeout: input.timeouts.connectMs,
    ...auth,
    hostVerifier: (key: Buffer) => {
      presented = describeHostKey(key);
      return input.pinned === null || presented.fingerprint === input.pinned.fingerprint;
    },
    // Only the pinned key's type is asked for, so a server with several host keys shows the pinned one.
    ...(input.pinned
      ? { algorithms: { serverHostKey: hostKeyAlgorithmsFor(input.pinned.keyType) as ServerHostKeyAlgorithm[] } }
      : {}),
  };

  let phase: "connecting" | "failed" | "ready" = "connecting";
  await new Promise<void>((resolve, reject) => {
    // One listener for the connection's life: ssh2 may emit more than one error for one
    // failure (a timeout, then the socket it closes), and an error event nobody listens to
    // would be thrown at the process.
    client.on("error", (error: Error) => {
      if (phase === "ready") {
        // It also fails (or times out) the operation that meets it.
        logger.warn(
          { host: input.host, port: input.port, error: error.message },
          "SSH connection error during deployment",
        );
        return;
      }
      if (phase === "failed") return;
      phase = "failed";
      client.destroy();
      reject(
        new SshDeployError(
          classifyConnectError(error, {
            host: input.host,
            port: input.port,
            pinned: input.pinned,
            presented,
            timeoutMs: input.timeouts.connectMs,
          }),
        ),
      );
    });
    client.once("ready", () => {
      phase = "ready";
      resolve();
    });
    client.connect(config);
  });

  const hostKey = presented as PinnedHostKey | null;
  if (!hostKey) {
    client.end();
    throw new SshDeployError({ reason: "FAILED", message: "The server presented no host key" });
  }

  let sftp: Promise<SFTPWrapper> | undefined;
  const openSftp = () => {
    sftp ??= withTimeout(
      new Promise<SFTPWrapper>((resolve, reject) => {
        client.sftp((error, wrapper) => (error ? reject(error) : resolve(wrapper)));
      }),
      input.timeouts.fileMs,
      "open an SFTP session",
    ).catch((error: unknown) => {
      throw error instanceof SshDeployError ? error : new SshDeployError(classifySftpError(error, "/", "open SFTP on"));
    });
    return sftp;
  };

  const fileOperation = async <T>(
    action: string,
    path: string,
    operation: (sftp: SFTPWrapper, done: (error: Error | null | undefined, value?: T) => void) => void,
  ): Promise<T> => {
    const wrapper = await openSftp();
    try {
      return await withTimeout(
        new Promise<T>((resolve, reject) => {
          try {
            operation(wrapper, (error, value) => (error ? reject(error) : resolve(value as T)));
          } catch (error) {
            // ssh2 throws synchronously when the server lacks an extension.
            reject(error);
          }
        }),
        input.timeouts.fileMs,
        `${action} ${path}`,
      );
    } catch (error) {
      if (error instanceof SshDeployError) throw error;
      throw new SshDeployError(classifySftpError(error, path, action));
    }
  };

  return {
    hostKey,
    writeNewFile: async (path, content, mode) => {
      // Created with its final mode (a key is never readable by others, not even for a moment),
      // then chmod-ed, because the server's umask may have taken bits away.
      await fileOperation<void>("write", path, (s, done) =>
        s.writeFile(path, content, { mode, flag: "wx", encoding: "utf8" }, (error) => done(error)),
      );
      await fileOperation<void>("set the mode of", path, (s, done) => s.chmod(path, mode, (error) => done(error)));
    },
    stat: async (path) => {
      try {
        const stats = await fileOperation<{ isDirectory(): boolean }>("read", path, (s, done) => s.lstat(path, done));
        return { exists: true, isDirectory: stats.isDirectory() };
      } catch (error) {
        if (error instanceof SshDeployError && error.failure.reason === "PATH_NOT_FOUND") return { exists: false };
        throw error;
      }
    },
    remove: async (path) => {
      try {
        await fileOperation<void>("remove", path, (s, done) => s.unlink(path, (error) => done(error)));
      } catch (error) {
        if (error instanceof SshDeployError && error.failure.reason === "PATH_NOT_FOUND") return;
        throw error;
      }
    },
    link: (existingPath, newPath) =>
      fileOperation<void>("keep a copy of", existingPath, (s, done) =>
        s.ext_openssh_hardlink(existingPath, newPath, (error) => done(error)),
      ),
    replace: (from, to) =>
      fileOperation<void>("move into place", to, (s, done) => s.ext_openssh_rename(from, to, (error) => done(error))),
    run: (command) => runCommand(client, command, input.timeouts.commandMs),
    close: () => client.end(),
  };
}

/**
 * The host key the server presents, read during the key exchange; the connection is then
 * dropped, before any user name or credential is sent.
 */
export function readServerHostKey(input: {
  address: string;
  host: string;
  port: number;
  timeoutMs: number;
}): Promise<PinnedHostKey> {
  const client = new Client();
  let presented: PinnedHostKey | null = null;
  let settled = false;
  return new Promise<PinnedHostKey>((resolve, reject) => {
    // Every error is listened to (ssh2 may emit one for the refused key, then one for the
    // closed socket); the first decides.
    client.on("error", (error: Error) => {
      if (settled) return;
      settled = true;
      client.destroy();
      if (presented) resolve(presented);
      else
        reject(
          new SshDeployError(
            classifyConnectError(error, {
              host: input.host,
              port: input.port,
              pinned: null,
              presented: null,
              timeoutMs: input.timeoutMs,
            }),
          ),
        );
    });
    // Never reached (the verifier refuses every key), unless a server skips the key exchange.
    client.once("ready", () => {
      settled = true;
      client.end();
      reject(new SshDeployError({ reason: "FAILED", message: "The server presented no host key" }));
    });
    client.connect({
      host: input.address,
      port: input.port,
      username: "certdesk-host-key-check",
      readyTimeout: input.timeoutMs,
      hostVerifier: (key: Buffer) => {
        presented = describeHostKey(key);
        return false;
      },
    });
  });
}

function authenticationOf(credentials: SshCredentials): Partial<ConnectConfig> {
  if (credentials.kind === "password") {
    return { password: credentials.password, authHandler: ["password"] };
  }
  const parsed = utils.parseKey(credentials.privateKey, credentials.passphrase);
  if (parsed instanceof Error) {
    throw new SshDeployError({ reason: "INVALID_KEY", message: describeKeyProblem(parsed) });
  }
  return { privateKey: credentials.privateKey, passphrase: credentials.passphrase, authHandler: ["publickey"] };
}

export type SshKeyProblem = "KEY_ENCRYPTED" | "KEY_PASSPHRASE_WRONG" | "KEY_UNREADABLE" | "KEY_NOT_PRIVATE";

const KEY_PROBLEM_TEXT: Record<SshKeyProblem, string> = {
  KEY_ENCRYPTED: "The private key is encrypted: enter its passphrase",
  KEY_PASSPHRASE_WRONG: "The passphrase does not open the private key",
  KEY_UNREADABLE: "The private key cannot be read: paste an OpenSSH (ssh-keygen) or PEM (RSA/EC) private key",
  KEY_NOT_PRIVATE: "The text holds a public key, not a private one",
};

/** What is wrong with a key ssh2 could not parse (the console translates the code). */
export function classifyKeyProblem(error: Error): SshKeyProblem {
  if (/no passphrase given/i.test(error.message)) return "KEY_ENCRYPTED";
  if (/bad passphrase|integrity check failed|bad decrypt/i.test(error.message)) return "KEY_PASSPHRASE_WRONG";
  return "KEY_UNREADABLE";
}

/** A key problem in words that say what to do (never quoting the key), for logs and operators. */
export function describeKeyProblem(problem: Error | SshKeyProblem): string {
  return KEY_PROBLEM_TEXT[problem instanceof Error ? classifyKeyProblem(problem) : problem];
}

function runCommand(client: SshClient, command: string, timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    client.exec(command, (error, channel) => {
      if (error) {
        reject(new SshDeployError({ reason: "FAILED", message: `The command could not be started: ${error.message}` }));
        return;
      }
      const chunks: Buffer[] = [];
      let kept = 0;
      const keep = (chunk: Buffer) => {
        if (kept >= MAX_COMMAND_OUTPUT_BYTES) return;
        const part = chunk.subarray(0, MAX_COMMAND_OUTPUT_BYTES - kept);
        chunks.push(part);
        kept += part.length;
      };
      let exitCode: number | null = null;
      let signal: string | null = null;
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        channel.signal("KILL");
        channel.close();
      }, timeoutMs);
      channel.on("data", keep);
      channel.stderr.on("data", keep);
      channel.on("exit", (code: number | null, signalName?: string) => {
        exitCode = typeof code === "number" ? code : null;
        signal = signalName ?? null;
      });
      channel.on("close", () => {
        clearTimeout(timer);
        resolve({ exitCode, signal, output: Buffer.concat(chunks).toString("utf8"), timedOut });
      });
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new SshDeployError({ reason: "TIMEOUT", message: `No answer within ${ms / 1000} s to ${what}` })),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
