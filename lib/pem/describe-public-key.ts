import type { KeyObject } from "node:crypto";
import type { UploadedCertificateErrorCode, UploadParams } from "@/lib/pem/uploaded-certificate-errors";

// The names the schema's KeyAlgorithm enum uses, plus other RSA sizes, which are valid but
// not among the sizes CertDesk issues.
export type KeyAlgorithmName = "RSA_2048" | "RSA_3072" | "RSA_4096" | "ECDSA_P256" | "ECDSA_P384" | `RSA_${number}`;

export const MIN_RSA_BITS = 2048;

// Browsers and TLS libraries negotiate ECDSA only on these two curves in practice
// (P-521 is not offered by Chrome), so a certificate on any other curve cannot be served.
const SUPPORTED_CURVES: Record<string, KeyAlgorithmName> = {
  prime256v1: "ECDSA_P256",
  secp384r1: "ECDSA_P384",
};

export type DescribePublicKeyResult =
  | { ok: true; keyAlgorithm: KeyAlgorithmName }
  | {
      ok: false;
      code: Extract<UploadedCertificateErrorCode, "KEY_TOO_WEAK" | "KEY_TYPE_UNSUPPORTED">;
      params: UploadParams;
    };

/** Names a certificate's public key the way CertDesk stores it, or says why it is not acceptable. */
export function describePublicKey(publicKey: KeyObject): DescribePublicKeyResult {
  const type = publicKey.asymmetricKeyType ?? "unknown";
  const details = publicKey.asymmetricKeyDetails ?? {};
  if (type === "rsa") {
    const bits = details.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) {
      return { ok: false, code: "KEY_TOO_WEAK", params: { keyType: "RSA", bits, minBits: MIN_RSA_BITS } };
    }
    return { ok: true, keyAlgorithm: `RSA_${bits}` };
  }
  if (type === "ec") {
    const curve = details.namedCurve ?? "unknown";
    const name = SUPPORTED_CURVES[curve];
    if (!name) return { ok: false, code: "KEY_TYPE_UNSUPPORTED", params: { keyType: `EC_${curve}` } };
    return { ok: true, keyAlgorithm: name };
  }
  return { ok: false, code: "KEY_TYPE_UNSUPPORTED", params: { keyType: type.toUpperCase() } };
}
