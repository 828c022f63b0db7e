// How what ssh2 and an SFTP server report becomes a typed deployment failure. Pure: the
// error objects are ssh2's (a `level` for the connection phase, a numeric SFTP status `code`),
// and the classification is tested against them without a server.
import type { DeployFailure, PinnedHostKey } from "@/lib/deploy/deployment-contracts";

/** Thrown inside lib/deploy when an SSH step fails; the use cases turn it into their result. */
export class SshDeployError extends Error {
  constructor(readonly failure: DeployFailure) {
    super(failure.message);
    this.name = "SshDeployError";
  }
}

type Ssh2Error = Error & { level?: string; code?: string | number; description?: string };

// SFTP status codes (draft-ietf-secsh-filexfer-02 §7), as ssh2 puts them on `code`.
const SFTP_NO_SUCH_FILE = 2;
const SFTP_PERMISSION_DENIED = 3;
const SFTP_OP_UNSUPPORTED = 8;

export type ConnectContext = {
  host: string;
  port: number;
  /** The pinned key, when the connection checks one; and what the server presented, if it got that far. */
  pinned: PinnedHostKey | null;
  presented: PinnedHostKey | null;
  timeoutMs: number;
};

/** A failure while connecting, exchanging keys or logging in. */
export function classifyConnectError(error: unknown, context: ConnectContext): DeployFailure {
  const where = `${context.host}:${context.port}`;
  const { pinned, presented } = context;
  if (pinned && presented && presented.fingerprint !== pinned.fingerprint) {
    return hostKeyChanged(where, pinned, presented.fingerprint);
  }
  const failure = error as Ssh2Error;
  const message = failure?.message ?? String(error);
  if (pinned && /no matching host key format/i.test(message)) {
    // The server no longer has a key of the pinned type at all.
    return hostKeyChanged(where, pinned, null);
  }
  if (failure?.level === "client-authentication") {
    return { reason: "AUTH_FAILED", message: `${where} refused the login (wrong user, password or key)` };
  }
  if (failure?.level === "client-timeout" || failure?.code === "ETIMEDOUT") {
    return {
      reason: "TIMEOUT",
      message: `${where} did not complete the SSH login within ${context.timeoutMs / 1000} s`,
    };
  }
  if (
    failure?.level === "client-socket" ||
    failure?.level === "client-dns" ||
    ["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"].includes(
      String(failure?.code),
    )
  ) {
    return {
      reason: "UNREACHABLE",
      message: `${where} could not be reached${failure?.code ? ` (${String(failure.code)})` : ""}`,
    };
  }
  return { reason: "FAILED", message: `SSH connection to ${where} failed: ${message}` };
}

function hostKeyChanged(where: string, pinned: PinnedHostKey, presented: string | null): DeployFailure {
  return {
    reason: "HOST_KEY_CHANGED",
    message:
      presented === null
        ? `${where} no longer offers a ${pinned.keyType} host key (pinned ${pinned.fingerprint}); nothing was sent`
        : `${where} presented host key ${presented}, not the pinned ${pinned.fingerprint}; nothing was sent`,
    expectedFingerprint: pinned.fingerprint,
    presentedFingerprint: presented,
  };
}

/** A failure of one SFTP operation on `path` (`action` says what was being done, for the message). */
export function classifySftpError(error: unknown, path: string, action: string): DeployFailure {
  const failure = error as Ssh2Error;
  const message = failure?.message ?? String(error);
  if (failure?.code === SFTP_PERMISSION_DENIED) {
    return { reason: "PERMISSION_DENIED", path, message: `Permission denied to ${action} ${path}` };
  }
  if (failure?.code === SFTP_NO_SUCH_FILE) {
    return { reason: "PATH_NOT_FOUND", path, message: `Could not ${action} ${path}: no such file or folder` };
  }
  if (failure?.code === SFTP_OP_UNSUPPORTED || /does not support this extended request/.test(message)) {
    return {
      reason: "SFTP_UNSUPPORTED",
      path,
      message: `The server's SFTP cannot ${action} ${path} (it needs OpenSSH's posix-rename and hardlink extensions)`,
    };
  }
  return { reason: "FAILED", path, message: `Could not ${action} ${path}: ${message}` };
}
