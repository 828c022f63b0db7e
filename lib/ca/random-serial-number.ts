import "server-only";
import { randomBytes } from "node:crypto";

/**
 * 16 random bytes as lower-case hex, always positive and always 16 bytes long once
 * DER-encoded: the top bit is cleared (no sign byte needed) and the next one set (no
 * leading zero to strip), leaving 126 random bits, well above the 64 the CA/B Forum asks.
 */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] as number) & 0x3f) | 0x40;
  return bytes.toString("hex");
}
