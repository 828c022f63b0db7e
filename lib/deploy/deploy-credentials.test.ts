import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encryptSecret, SecretDecryptionError } from "@/lib/crypto/secret-box";
import {
  openDeployWebhookSecret,
  openSshCredentials,
  sealDeployWebhookSecret,
  sealSshCredentials,
} from "@/lib/deploy/deploy-credentials";

const key = randomBytes(32);

describe("deployment secrets at rest", () => {
  it("seals SSH credentials so that they open only for their own target", () => {
    const credentials = { kind: "password" as const, password: "correct horse" };
    const sealed = sealSshCredentials(credentials, "target_1", key);
    expect(sealed).not.toContain("correct horse");
    expect(openSshCredentials(sealed, "target_1", key)).toEqual(credentials);
    expect(() => openSshCredentials(sealed, "target_2", key)).toThrow(SecretDecryptionError);
  });

  it("refuses a sealed value that is not credentials without quoting it", () => {
    for (const text of ["hunter2-not-json", JSON.stringify({ kind: "password", password: "" })]) {
      const sealed = encryptSecret(text, key, "deploy-ssh-credentials:target_1");
      expect(() => openSshCredentials(sealed, "target_1", key)).toThrow(/^The sealed value is not SSH credentials$/);
    }
  });

  it("keeps a webhook signing secret apart from credentials of the same target", () => {
    const sealed = sealDeployWebhookSecret("whsec_abc", "target_1", key);
    expect(openDeployWebhookSecret(sealed, "target_1", key)).toBe("whsec_abc");
    expect(() => openSshCredentials(sealed, "target_1", key)).toThrow(SecretDecryptionError);
  });
});
