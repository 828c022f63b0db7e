import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretDecryptionError } from "@/lib/crypto/secret-box";

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);
const secret =
  "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

type Part = "iv" | "tag" | "ciphertext";
const PART_INDEX: Record<Part, number> = { iv: 1, tag: 2, ciphertext: 3 };

/** The envelope with one bit of one part flipped, re-encoded canonically. */
function flipBit(envelope: string, part: Part, byte = 0): string {
  const parts = envelope.split(".");
  const index = PART_INDEX[part];
  const bytes = Buffer.from(parts[index] as string, "base64url");
  bytes[byte] = (bytes[byte] as number) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

function failure(run: () => unknown): SecretDecryptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SecretDecryptionError);
    return error as SecretDecryptionError;
  }
  throw new Error("expected decryption to fail");
}

describe("secret box", () => {
  it("round-trips a secret, with and without associated data", () => {
    expect(decryptSecret(encryptSecret(secret, key), key)).toBe(secret);
    expect(decryptSecret(encryptSecret(secret, key, "cert_123"), key, "cert_123")).toBe(secret);
    expect(decryptSecret(encryptSecret("", key), key)).toBe("");
    const unicode = "clé privée 🔑";
    expect(decryptSecret(encryptSecret(unicode, key), key)).toBe(unicode);
  });

  it("writes a versioned envelope with a 12-byte IV and a 16-byte tag, fresh IV each time", () => {
    const first = encryptSecret(secret, key);
    const second = encryptSecret(secret, key);
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(first.split(".")[1]).not.toBe(second.split(".")[1]);
    expect(first).not.toBe(second);
  });

  it("never contains the plaintext, nor its base64", () => {
    const envelope = encryptSecret(secret, key, "cert_123");
    expect(envelope).not.toContain("PRIVATE KEY");
    expect(envelope).not.toContain("MIGHAgEAMBMGByqGSM49");
    expect(envelope).not.toContain(Buffer.from(secret).toString("base64url").slice(0, 20));
  });

  it.each(["iv", "tag", "ciphertext"] as const)("refuses an envelope whose %s was altered", (part) => {
    const envelope = encryptSecret(secret, key, "cert_123");
    expect(failure(() => decryptSecret(flipBit(envelope, part), key, "cert_123")).reason).toBe("AUTHENTICATION_FAILED");
    const lastByte = Buffer.from(envelope.split(".")[PART_INDEX[part]] as string, "base64url").length - 1;
    expect(failure(() => decryptSecret(flipBit(envelope, part, lastByte), key, "cert_123")).reason).toBe(
      "AUTHENTICATION_FAILED",
    );
  });

  it("refuses the wrong key", () => {
    const envelope = encryptSecret(secret, key);
    expect(failure(() => decryptSecret(envelope, otherKey)).reason).toBe("AUTHENTICATION_FAILED");
  });

  it("refuses different, missing or unexpected associated data", () => {
    const bound = encryptSecret(secret, key, "cert_123");
    expect(failure(() => decryptSecret(bound, key, "cert_124")).reason).toBe("AUTHENTICATION_FAILED");
    expect(failure(() => decryptSecret(bound, key)).reason).toBe("AUTHENTICATION_FAILED");
    const unbound = encryptSecret(secret, key);
    expect(failure(() => decryptSecret(unbound, key, "cert_123")).reason).toBe("AUTHENTICATION_FAILED");
  });

  it("refuses malformed envelopes and unknown versions with a message that leaks nothing", () => {
    const envelope = encryptSecret(secret, key);
    const [, iv, tag, ciphertext] = envelope.split(".");
    expect(failure(() => decryptSecret(`v2.${iv}.${tag}.${ciphertext}`, key)).reason).toBe("UNSUPPORTED_VERSION");
    expect(failure(() => decryptSecret(`v1.${iv}.${tag}`, key)).reason).toBe("MALFORMED");
    expect(failure(() => decryptSecret(`v1.${iv}.${tag}.${ciphertext}.x`, key)).reason).toBe("MALFORMED");
    expect(failure(() => decryptSecret(`v1.${iv}A.${tag}.${ciphertext}`, key)).reason).toBe("MALFORMED");
    expect(failure(() => decryptSecret(`v1.${iv}.${tag?.slice(0, 20)}.${ciphertext}`, key)).reason).toBe("MALFORMED");
    expect(failure(() => decryptSecret(`v1.${iv}.${tag}.${ciphertext}!`, key)).reason).toBe("MALFORMED");
    const error = failure(() => decryptSecret(envelope, otherKey));
    expect(error.message).not.toContain(ciphertext);
    expect(error.message).not.toContain("PRIVATE");
  });

  it("refuses a non-canonical spelling of a part (spare bits set)", () => {
    const envelope = encryptSecret(secret, key);
    const parts = envelope.split(".");
    // The tag's last character carries 4 spare bits; changing only those decodes to the same bytes.
    const tag = parts[2] as string;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(tag.at(-1) as string);
    parts[2] = tag.slice(0, -1) + alphabet[last ^ 0x01];
    expect(Buffer.from(parts[2], "base64url")).toEqual(Buffer.from(tag, "base64url"));
    expect(failure(() => decryptSecret(parts.join("."), key)).reason).toBe("MALFORMED");
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => encryptSecret(secret, randomBytes(16))).toThrow(RangeError);
    expect(() => decryptSecret(encryptSecret(secret, key), randomBytes(31))).toThrow(RangeError);
  });
});
