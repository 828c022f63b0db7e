// Whether a pasted SSH private key can be used, for the target form: read with the SSH
// library's own parser (OpenSSH format from ssh-keygen, or PEM RSA/EC keys), with the
// passphrase when it is encrypted. The answer never quotes the key.
import "server-only";
import ssh2 from "ssh2";
import { classifyKeyProblem, describeKeyProblem, type SshKeyProblem } from "@/lib/deploy/open-ssh-session";

export type CheckSshPrivateKeyResult =
  | { ok: true; keyType: string }
  | { ok: false; problem: SshKeyProblem; message: string };

export function checkSshPrivateKey(privateKey: string, passphrase?: string): CheckSshPrivateKeyResult {
  const parsed = ssh2.utils.parseKey(privateKey, passphrase);
  const problem = (code: SshKeyProblem) => ({ ok: false as const, problem: code, message: describeKeyProblem(code) });
  if (parsed instanceof Error) return problem(classifyKeyProblem(parsed));
  const [key] = Array.isArray(parsed) ? parsed : [parsed];
  if (!key || key.getPrivatePEM() === null) return problem("KEY_NOT_PRIVATE");
  return { ok: true, keyType: key.type };
}
