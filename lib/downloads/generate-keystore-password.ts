import { randomInt } from "node:crypto";

// Letters and digits only, without look-alikes (0/O, 1/l/I): the password is read off a
// screen or a text file and typed into IIS's import dialog or Tomcat's server.xml, where
// quotes, ampersands and angle brackets would need escaping.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

export const KEYSTORE_PASSWORD_LENGTH = 24;

/** A fresh random keystore password: 24 characters of a 57-letter alphabet, about 140 bits. */
export function generateKeystorePassword(length: number = KEYSTORE_PASSWORD_LENGTH): string {
  if (!Number.isInteger(length) || length < 20) throw new Error("Keystore passwords must be at least 20 characters");
  // randomInt draws without modulo bias.
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}
