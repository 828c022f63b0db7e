// A new key pair in the original's shapes: SecretId "AKID" + 32 letters and digits (36 in
// all), SecretKey 32 letters and digits. Uniformly random characters from the OS's CSPRNG
// (about 190 bits each), so neither can be guessed from the other or from earlier keys.
import { randomInt } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function randomAlphanumeric(length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) text += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return text;
}

export const SECRET_ID_PATTERN = /^AKID[A-Za-z0-9]{32}$/;
export const SECRET_KEY_PATTERN = /^[A-Za-z0-9]{32}$/;

export function generateApiKeyPair(): { secretId: string; secretKey: string } {
  return { secretId: `AKID${randomAlphanumeric(32)}`, secretKey: randomAlphanumeric(32) };
}
