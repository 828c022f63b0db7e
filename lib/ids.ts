import { randomInt } from "node:crypto";

// The alphabet and length Prisma's nanoid(12) uses for Certificate ids, so rows the
// job inserts in bulk look like any other.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

export function randomId(length: number): string {
  let id = "";
  for (let i = 0; i < length; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

export function newCertificateId(): string {
  return randomId(12);
}
