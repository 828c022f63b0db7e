// Key generation and PEM conversion on Node's WebCrypto, which is what @peculiar/x509 signs with.
import "server-only";
import { createPrivateKey, createPublicKey, KeyObject } from "node:crypto";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";

const ECDSA_P256: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
// The customer's RSA key only ever signs TLS handshakes; PKCS#1 v1.5 is just the
// usage WebCrypto needs to be told, and exported PKCS#8 carries no such restriction.
const rsa = (modulusLength: number): RsaHashedKeyGenParams => ({
  name: "RSASSA-PKCS1-v1_5",
  modulusLength,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
});

const KEY_GENERATION: Record<KeyAlgorithm, RsaHashedKeyGenParams | EcKeyGenParams> = {
  RSA_2048: rsa(2048),
  RSA_3072: rsa(3072),
  RSA_4096: rsa(4096),
  ECDSA_P256,
  ECDSA_P384: { name: "ECDSA", namedCurve: "P-384" },
};

/** A new key pair of any algorithm CertDesk issues for (RSA 2048/3072/4096, ECDSA P-256/P-384). */
export async function generateKeyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(KEY_GENERATION[algorithm], true, ["sign", "verify"]);
}

export function isRsaAlgorithm(algorithm: KeyAlgorithm): boolean {
  return algorithm.startsWith("RSA_");
}

/** The SubjectPublicKeyInfo (DER) of a PKCS#8 PEM private key: what a certificate for that key carries. */
export function publicKeyOfPrivateKey(privateKeyPem: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createPublicKey(privateKeyPem).export({ type: "spki", format: "der" }));
}

/** PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), the form servers and the download use. */
export function privateKeyToPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: "pkcs8", format: "pem" }).toString();
}

/** A PKCS#8 PEM key (EC P-256 or RSA), imported for signing certificates. */
export async function importSigningKey(pem: string): Promise<CryptoKey> {
  const key = createPrivateKey(pem);
  const der = key.export({ type: "pkcs8", format: "der" });
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") {
    return globalThis.crypto.subtle.importKey("pkcs8", der, ECDSA_P256, false, ["sign"]);
  }
  if (key.asymmetricKeyType === "rsa") {
    return globalThis.crypto.subtle.importKey("pkcs8", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, [
      "sign",
    ]);
  }
  throw new Error(`Unsupported CA key type: ${key.asymmetricKeyType ?? "unknown"}`);
}
