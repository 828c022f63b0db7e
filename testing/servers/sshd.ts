// A real OpenSSH server for the deploy tests: Debian's /usr/sbin/sshd in the foreground on a
// free loopback port, with a throwaway host key and a throwaway user key, everything in a
// private temporary folder. It logs in the user running the tests (root in CI, where
// PermitRootLogin prohibit-password lets keys in and passwords never).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import {
  freeLoopbackPort,
  makePrivateTempDir,
  removeDir,
  requireBinary,
  runCommand,
  startServerProcess,
} from "@/testing/servers/sshd-nginx-process";

const SSHD = "/usr/sbin/sshd";
const SSH_KEYGEN = "/usr/bin/ssh-keygen";
// sshd running as root needs its privilege-separation folder; systemd would create it.
const PRIVSEP_DIR = "/run/sshd";

export type SshKeyType = "ed25519" | "ecdsa" | "rsa";

export type TestSshKey = {
  /** OpenSSH private key text, as `ssh-keygen` writes it. */
  privateKey: string;
  /** The `authorized_keys` line. */
  publicKey: string;
  /** `SHA256:…`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
};

export type TestSshd = {
  host: string;
  port: number;
  username: string;
  /** A key the server accepts for `username`. */
  userKey: TestSshKey;
  /** The server's host key fingerprint as OpenSSH prints it (what a user would be asked to confirm). */
  hostKeyFingerprint: string;
  /** Lets one more public key log in (e.g. an RSA or passphrase-protected one). */
  authorize(publicKey: string): Promise<void>;
  /** A new key pair in the server's folder, not yet authorized. */
  generateKey(type: SshKeyType, passphrase?: string): Promise<TestSshKey>;
  /** What sshd logged so far (logins accepted and refused). */
  output(): string;
  stop(): Promise<void>;
};

export async function startTestSshd(): Promise<TestSshd> {
  requireBinary(SSHD, "openssh-server");
  requireBinary(SSH_KEYGEN, "openssh-client (installed with openssh-server)");
  if (process.getuid?.() === 0) await mkdir(PRIVSEP_DIR, { recursive: true, mode: 0o755 });

  const dir = await makePrivateTempDir("certdesk-sshd-");
  let keyCount = 0;
  const generateKeyFile = async (type: SshKeyType, passphrase = ""): Promise<string> => {
    keyCount += 1;
    const file = path.join(dir, `key-${keyCount}-${type}`);
    const bits = type === "rsa" ? ["-b", "2048"] : type === "ecdsa" ? ["-b", "256"] : [];
    await runCommand(SSH_KEYGEN, ["-q", "-t", type, ...bits, "-N", passphrase, "-C", "certdesk-test", "-f", file]);
    return file;
  };
  const generateKey = async (type: SshKeyType, passphrase?: string) => readKey(await generateKeyFile(type, passphrase));

  try {
    const hostKeyFile = await generateKeyFile("ed25519");
    const hostKey = await readKey(hostKeyFile);
    const userKey = await generateKey("ed25519");
    const authorizedKeys = path.join(dir, "authorized_keys");
    await writeFile(authorizedKeys, `${userKey.publicKey}\n`, { mode: 0o600 });
    const username = userInfo().username;

    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      const config = path.join(dir, "sshd_config");
      await writeFile(
        config,
        [
          `Port ${port}`,
          "ListenAddress 127.0.0.1",
          `HostKey ${hostKeyFile}`,
          `PidFile ${path.join(dir, "sshd.pid")}`,
          `AuthorizedKeysFile ${authorizedKeys}`,
          // StrictModes checks every folder from authorized_keys up to /, and /tmp is
          // world-writable by design; the folder itself is 0700.
          "StrictModes no",
          "PermitRootLogin prohibit-password",
          // Accepted so a wrong password is a real authentication failure (never a success:
          // without PAM no password of this machine is known to be tried here).
          "PasswordAuthentication yes",
          "KbdInteractiveAuthentication no",
          "UsePAM no",
          `AllowUsers ${username}`,
          "Subsystem sftp internal-sftp",
          "LogLevel INFO",
          "",
        ].join("\n"),
        { mode: 0o600 },
      );
      try {
        const server = await startServerProcess({
          name: "sshd",
          file: SSHD,
          args: ["-D", "-e", "-f", config],
          ready: /Server listening on 127\.0\.0\.1 port \d+/,
        });
        return {
          host: "127.0.0.1",
          port,
          username,
          userKey,
          hostKeyFingerprint: hostKey.fingerprint,
          authorize: async (publicKey) => {
            const current = await readFile(authorizedKeys, "utf8");
            await writeFile(authorizedKeys, `${current}${publicKey}\n`, { mode: 0o600 });
          },
          generateKey,
          output: server.output,
          stop: async () => {
            await server.stop();
            await removeDir(dir);
          },
        };
      } catch (error) {
        // Another process took the free port between the check and sshd's bind.
        if (attempt >= 3 || !/Address already in use/.test(String(error))) throw error;
      }
    }
  } catch (error) {
    await removeDir(dir);
    throw error;
  }
}

async function readKey(file: string): Promise<TestSshKey> {
  const [privateKey, publicKey, listing] = await Promise.all([
    readFile(file, "utf8"),
    readFile(`${file}.pub`, "utf8"),
    runCommand(SSH_KEYGEN, ["-l", "-E", "sha256", "-f", `${file}.pub`]),
  ]);
  const fingerprint = /SHA256:[A-Za-z0-9+/]+/.exec(listing)?.[0];
  if (!fingerprint) throw new Error(`ssh-keygen printed no fingerprint: ${listing}`);
  return { privateKey, publicKey: publicKey.trim(), fingerprint };
}
