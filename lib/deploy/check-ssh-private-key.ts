// Whether a pasted SSH private key can be used, for the target form: read with the SSH
// library's own parser (OpenSSH format from ssh-keygen, or PEM RSA/EC keys), with the
// passphrase when it is encrypted. The answer never quotes the key.
import "server-only";
import { utils } from "ssh2";
import { describeKeyProblem } from "@/lib/deploy/open-ssh-session";

export type CheckSshPrivateKeyResult = { ok: true; keyType: string } | { ok: false; message: string };

export function checkSshPrivateKey(privateKey: string, passphrase?: string): CheckSshPrivateKeyResult {
  const parsed = utils.parseKey(privateKey, passphrase);
  if (parsed instanceof Error) return { ok: false, message: describeKeyProblem(parsed) };
  const [key] = Array.isArray(parsed) ? parsed : [parsed];
  if (!key || key.getPrivatePEM() === null)
    return { ok: false, message: "The text holds a public key, not a private one" };
  return { ok: true, keyType: key.type };
}
