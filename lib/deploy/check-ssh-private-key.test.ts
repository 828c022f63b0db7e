import { generateKeyPairSync } from "node:crypto";
import ssh2 from "ssh2";
import { describe, expect, it } from "vitest";
import { checkSshPrivateKey } from "@/lib/deploy/check-ssh-private-key";

describe("checkSshPrivateKey", () => {
  it("reads OpenSSH keys and PEM RSA and EC keys", () => {
    expect(checkSshPrivateKey(ssh2.utils.generateKeyPairSync("ed25519").private)).toEqual({
      ok: true,
      keyType: "ssh-ed25519",
    });
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" });
    expect(checkSshPrivateKey(String(rsa))).toEqual({ ok: true, keyType: "ssh-rsa" });
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "sec1", format: "pem" });
    expect(checkSshPrivateKey(String(ec))).toEqual({ ok: true, keyType: "ecdsa-sha2-nistp256" });
  });

  it("asks for the passphrase of an encrypted key and says when it is wrong", () => {
    const locked = ssh2.utils.generateKeyPairSync("ed25519", {
      passphrase: "open sesame",
      cipher: "aes256-ctr",
      rounds: 4,
    });
    expect(checkSshPrivateKey(locked.private)).toEqual({
      ok: false,
      problem: "KEY_ENCRYPTED",
      message: "The private key is encrypted: enter its passphrase",
    });
    expect(checkSshPrivateKey(locked.private, "wrong")).toEqual({
      ok: false,
      problem: "KEY_PASSPHRASE_WRONG",
      message: "The passphrase does not open the private key",
    });
    expect(checkSshPrivateKey(locked.private, "open sesame")).toMatchObject({ ok: true });
  });

  it("refuses what is not a private key, without quoting it", () => {
    const pair = ssh2.utils.generateKeyPairSync("ed25519");
    expect(checkSshPrivateKey(pair.public)).toEqual({
      ok: false,
      problem: "KEY_NOT_PRIVATE",
      message: "The text holds a public key, not a private one",
    });
    const result = checkSshPrivateKey("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----");
    expect(result).toMatchObject({
      ok: false,
      problem: "KEY_UNREADABLE",
      message: expect.stringMatching(/cannot be read/),
    });
    expect(JSON.stringify(result)).not.toContain("c2VjcmV0");
  });
});
