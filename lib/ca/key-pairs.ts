// Key generation and PEM conversion on Node's WebCrypto, which is what @peculiar/x509 signs with.
import "server-only";
import { createPrivateKey, KeyObject } from "node:crypto";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";

const ECDSA_P256: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
// The customer's RSA key only ever signs TLS handshakes; PKCS#1 v1.5 is just the
// usage WebCrypto needs to be told, and exported PKCS#8 carries no such restriction.
const RSA_2048: RsaHashedKeyGenParams = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
};

export async function generateKeyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  const params = algorithm === "RSA_2048" ? RSA_2048 : ECDSA_P256;
  return globalThis.crypto.subtle.generateKey(params, true, ["sign", "verify"]);
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
