// The issuer's secrets, sealed with ENCRYPTION_KEY and bound to the row and the column, so a
// value copied into another row or column does not open.
import "server-only";
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

export type IssuerSecret = "eabHmacKey" | "accountKey";

const associatedData = (issuerId: string, secret: IssuerSecret) => `issuer:${issuerId}:${secret}`;

export function sealIssuerSecret(issuerId: string, secret: IssuerSecret, plaintext: string): string {
  return encryptSecret(plaintext, getConfig().encryptionKey, associatedData(issuerId, secret));
}

export function openIssuerSecret(issuerId: string, secret: IssuerSecret, envelope: string): string {
  return decryptSecret(envelope, getConfig().encryptionKey, associatedData(issuerId, secret));
}
