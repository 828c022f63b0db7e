import { describe, expect, it } from "vitest";
import { describeHostKey, hostKeyAlgorithmsFor } from "@/lib/deploy/describe-host-key";

// Public keys from `ssh-keygen -t … -f k`, with the fingerprints `ssh-keygen -l -E sha256 -f k.pub` printed.
const ED25519 = "AAAAC3NzaC1lZDI1NTE5AAAAIFyrv7Y5505Ykwmo0fePHjxwLb2S14PfaVZuE5KX7WI8";
const ED25519_FINGERPRINT = "SHA256:yTNoqpVJJ3hF9QFWAXBHw22VXKWRCS6ISJY4iJs5aaU";
const ECDSA =
  "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFMhJ3x12ec8tFImVIbEo39D+jgkYQKhQFCFVbulYHaGyYlhzbNsmWhfJvGWpQuB5BfIOjwLJ9/LZBB295bvyjs=";
const ECDSA_FINGERPRINT = "SHA256:liUfQrqdu5NALHBMXht7ufC4wLxWA6IcIC/zFQuPK10";

describe("describeHostKey", () => {
  it("prints the fingerprint exactly as OpenSSH does", () => {
    expect(describeHostKey(Buffer.from(ED25519, "base64"))).toEqual({
      keyType: "ssh-ed25519",
      fingerprint: ED25519_FINGERPRINT,
    });
    expect(describeHostKey(Buffer.from(ECDSA, "base64"))).toEqual({
      keyType: "ecdsa-sha2-nistp256",
      fingerprint: ECDSA_FINGERPRINT,
    });
  });

  it("does not trust a malformed blob for its type", () => {
    expect(describeHostKey(Buffer.from([0, 0, 0, 99, 1])).keyType).toBe("unknown");
  });
});

describe("hostKeyAlgorithmsFor", () => {
  it("asks for the pinned type only; for RSA, for each signature an RSA key makes", () => {
    expect(hostKeyAlgorithmsFor("ssh-ed25519")).toEqual(["ssh-ed25519"]);
    expect(hostKeyAlgorithmsFor("ssh-rsa")).toEqual(["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"]);
  });
});
