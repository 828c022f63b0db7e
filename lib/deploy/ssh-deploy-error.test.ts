import { describe, expect, it } from "vitest";
import { classifyConnectError, classifySftpError } from "@/lib/deploy/ssh-deploy-error";

const pinned = { keyType: "ssh-ed25519", fingerprint: "SHA256:pinnedpinnedpinnedpinnedpinnedpinnedpinned" };
const context = { host: "web1.example.com", port: 22, pinned, presented: pinned, timeoutMs: 15_000 };

function ssh2Error(message: string, extra: Record<string, unknown>): Error {
  return Object.assign(new Error(message), extra);
}

describe("classifyConnectError", () => {
  it("names a changed host key with both fingerprints, whatever ssh2 said", () => {
    const presented = { keyType: "ssh-ed25519", fingerprint: "SHA256:otherotherotherotherotherotherotherotherot" };
    expect(
      classifyConnectError(ssh2Error("Host denied (verification failed)", { level: "handshake" }), {
        ...context,
        presented,
      }),
    ).toMatchObject({
      reason: "HOST_KEY_CHANGED",
      expectedFingerprint: pinned.fingerprint,
      presentedFingerprint: presented.fingerprint,
    });
  });

  it("treats a server without a key of the pinned type as a changed host key", () => {
    expect(
      classifyConnectError(ssh2Error("Handshake failed: no matching host key format", { level: "handshake" }), {
        ...context,
        presented: null,
      }),
    ).toMatchObject({ reason: "HOST_KEY_CHANGED", presentedFingerprint: null });
  });

  it("maps logins refused, timeouts and unreachable hosts", () => {
    const reason = (error: Error) => classifyConnectError(error, context).reason;
    expect(reason(ssh2Error("All configured authentication methods failed", { level: "client-authentication" }))).toBe(
      "AUTH_FAILED",
    );
    expect(reason(ssh2Error("Timed out while waiting for handshake", { level: "client-timeout" }))).toBe("TIMEOUT");
    expect(reason(ssh2Error("connect ECONNREFUSED", { level: "client-socket", code: "ECONNREFUSED" }))).toBe(
      "UNREACHABLE",
    );
    expect(reason(ssh2Error("connect EHOSTUNREACH", { code: "EHOSTUNREACH" }))).toBe("UNREACHABLE");
    expect(reason(ssh2Error("Handshake failed: no matching cipher", { level: "handshake" }))).toBe("FAILED");
  });
});

describe("classifySftpError", () => {
  it("maps SFTP status codes to the path concerned", () => {
    expect(classifySftpError(ssh2Error("Permission denied", { code: 3 }), "/etc/ssl/a.pem", "write")).toEqual({
      reason: "PERMISSION_DENIED",
      path: "/etc/ssl/a.pem",
      message: "Permission denied to write /etc/ssl/a.pem",
    });
    expect(classifySftpError(ssh2Error("No such file", { code: 2 }), "/etc/x/a.pem", "write").reason).toBe(
      "PATH_NOT_FOUND",
    );
    expect(
      classifySftpError(new Error("Server does not support this extended request"), "/etc/ssl/a.pem", "keep a copy of")
        .reason,
    ).toBe("SFTP_UNSUPPORTED");
    expect(classifySftpError(ssh2Error("Failure", { code: 4 }), "/etc/ssl/a.pem", "write").reason).toBe("FAILED");
  });
});
