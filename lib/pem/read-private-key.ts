import { createPrivateKey, type KeyObject } from "node:crypto";
import type { PemBlock } from "@/lib/pem/decode-pem-text";
import type { UploadedCertificateErrorCode, UploadParams } from "@/lib/pem/uploaded-certificate-errors";

export type ReadPrivateKeyResult =
  | { ok: true; key: KeyObject }
  | { ok: false; code: UploadedCertificateErrorCode; params: UploadParams };

// The three unencrypted encodings servers and tools write: PKCS#8, and the older
// algorithm-specific PKCS#1 (RSA) and SEC 1 (EC).
const KEY_ENCODINGS: Record<string, "pkcs8" | "pkcs1" | "sec1"> = {
  "PRIVATE KEY": "pkcs8",
  "RSA PRIVATE KEY": "pkcs1",
  "EC PRIVATE KEY": "sec1",
};

/**
 * The one unencrypted RSA or EC private key among PEM blocks. Never echoes key bytes: a
 * failure is described only by its code and the PEM label.
 */
export function readPrivateKey(blocks: readonly PemBlock[]): ReadPrivateKeyResult {
  // `openssl ecparam -genkey` writes the curve parameters before the key; they are redundant.
  const keyBlocks = blocks.filter((block) => block.label !== "EC PARAMETERS");
  if (keyBlocks.some(isEncrypted)) return { ok: false, code: "PRIVATE_KEY_ENCRYPTED", params: {} };
  const foreign = keyBlocks.find((block) => !(block.label in KEY_ENCODINGS));
  if (foreign)
    return { ok: false, code: "PEM_UNEXPECTED_LABEL", params: { label: foreign.label, expected: "PRIVATE KEY" } };
  const [block, ...others] = keyBlocks;
  if (!block) return { ok: false, code: "PEM_NOT_FOUND", params: {} };
  if (others.length > 0) return { ok: false, code: "PRIVATE_KEY_MULTIPLE", params: { count: keyBlocks.length } };

  let key: KeyObject;
  try {
    key = createPrivateKey({ key: block.der, format: "der", type: KEY_ENCODINGS[block.label] ?? "pkcs8" });
  } catch {
    // OpenSSL's message is not shown: it says nothing the customer can act on.
    return { ok: false, code: "PRIVATE_KEY_MALFORMED", params: {} };
  }
  const keyType = key.asymmetricKeyType ?? "unknown";
  if (keyType !== "rsa" && keyType !== "ec") {
    return { ok: false, code: "KEY_TYPE_UNSUPPORTED", params: { keyType: keyType.toUpperCase() } };
  }
  return { ok: true, key };
}

function isEncrypted(block: PemBlock): boolean {
  return block.label === "ENCRYPTED PRIVATE KEY" || /ENCRYPTED/i.test(block.headers["Proc-Type"] ?? "");
}
