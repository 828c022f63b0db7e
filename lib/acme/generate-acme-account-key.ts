// A new ACME account key: EC P-256 (ES256), which every CA accepts and which signs fast.
import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";

/** PKCS#8 PEM. The caller stores it encrypted (lib/crypto/secret-box): it is the account. */
export async function generateAcmeAccountKey(): Promise<string> {
  const { privateKey } = await promisify(generateKeyPair)("ec", { namedCurve: "P-256" });
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}
