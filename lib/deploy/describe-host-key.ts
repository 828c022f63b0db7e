// An SSH server's host key as the user sees it: its type and its fingerprint in the form
// OpenSSH prints ("SHA256:" and the unpadded base64 of the SHA-256 of the key blob), so
// what CertDesk shows can be compared with `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub`
// run on the server. Pure.
import { createHash } from "node:crypto";
import type { PinnedHostKey } from "@/lib/deploy/deployment-contracts";

/** `blob`: the host key in SSH wire format (string key type, then the key's fields). */
export function describeHostKey(blob: Buffer): PinnedHostKey {
  const typeLength = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const keyType =
    typeLength > 0 && typeLength <= blob.length - 4 ? blob.subarray(4, 4 + typeLength).toString("latin1") : "unknown";
  const fingerprint = `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
  return { keyType, fingerprint };
}

/**
 * The host key algorithms that prove possession of a key of this type: pinning one key
 * means asking for its type only, so a server that also has (or later adds) a key of
 * another type is not mistaken for a changed one.
 */
export function hostKeyAlgorithmsFor(keyType: string): string[] {
  // One RSA key signs with any of these; "ssh-rsa" (SHA-1) stays last for old servers.
  if (keyType === "ssh-rsa") return ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"];
  return [keyType];
}
