// Argon2id (the library's default algorithm) with its recommended memory cost.
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as "wrong password", never as a crash.
    return false;
  }
}

// Hashing a throwaway password when the account does not exist keeps the response
// time the same, so timing does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;
export async function spendPasswordCheckTime(password: string): Promise<void> {
  dummyHash ??= hashPassword("certdesk-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
