// Secrets at rest (private keys above all) are sealed with AES-256-GCM into one
// printable string: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. The version
// prefix lets a later format or key rotation coexist with rows written today.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
// 96-bit IVs are what GCM is specified for; a random one per message is safe far
// beyond the number of secrets this application will ever seal under one key.
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SecretDecryptionFailure = "MALFORMED" | "UNSUPPORTED_VERSION" | "AUTHENTICATION_FAILED";

/**
 * The envelope could not be opened. The message never contains the envelope, the key
 * or any plaintext, so it is safe to log.
 */
export class SecretDecryptionError extends Error {
  constructor(readonly reason: SecretDecryptionFailure) {
    super(
      reason === "AUTHENTICATION_FAILED"
        ? "Secret could not be decrypted: wrong key, wrong associated data, or the stored value was altered"
        : reason === "UNSUPPORTED_VERSION"
          ? `Secret could not be decrypted: unknown envelope version (expected ${VERSION})`
          : "Secret could not be decrypted: the stored value is not a valid envelope",
    );
    this.name = "SecretDecryptionError";
  }
}

function assertKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`Encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

function associatedBytes(associatedData: string | undefined): Buffer | undefined {
  return associatedData === undefined ? undefined : Buffer.from(associatedData, "utf8");
}

/**
 * Seals `plaintext` under `key` (32 bytes, e.g. getConfig().encryptionKey).
 * `associatedData` (e.g. the id of the row the secret belongs to) is not stored but
 * bound into the tag: the envelope only opens with the same value, so a sealed key
 * copied onto another row is refused. An absent and an empty associated data are the same.
 */
export function encryptSecret(plaintext: string, key: Uint8Array, associatedData?: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const aad = associatedBytes(associatedData);
  if (aad) cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

// Buffer's base64url decoder skips characters it does not know and ignores spare
// bits, so several strings decode alike; accepting only the canonical spelling makes
// every altered character an error instead of a silent no-op.
function decodePart(part: string, expectedBytes?: number): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new SecretDecryptionError("MALFORMED");
  const bytes = Buffer.from(part, "base64url");
  if (bytes.toString("base64url") !== part) throw new SecretDecryptionError("MALFORMED");
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) throw new SecretDecryptionError("MALFORMED");
  return bytes;
}

/**
 * Opens an envelope made by encryptSecret with the same key and associated data.
 * Throws SecretDecryptionError when anything differs or was altered.
 */
export function decryptSecret(envelope: string, key: Uint8Array, associatedData?: string): string {
  assertKey(key);
  const parts = envelope.split(".");
  if (parts.length !== 4) throw new SecretDecryptionError("MALFORMED");
  const [version, ivPart, tagPart, ciphertextPart] = parts as [string, string, string, string];
  if (version !== VERSION) throw new SecretDecryptionError("UNSUPPORTED_VERSION");
  const iv = decodePart(ivPart, IV_BYTES);
  const tag = decodePart(tagPart, TAG_BYTES);
  const ciphertext = decodePart(ciphertextPart);

  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const aad = associatedBytes(associatedData);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    // OpenSSL reports every tag mismatch the same way; the cause is not knowable.
    throw new SecretDecryptionError("AUTHENTICATION_FAILED");
  }
}
