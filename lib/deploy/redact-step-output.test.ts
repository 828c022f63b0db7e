import { describe, expect, it } from "vitest";
import { redactStepOutput } from "@/lib/deploy/redact-step-output";

const KEY = [
  "-----BEGIN PRIVATE KEY-----",
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgY2VydGRlc2stdGVz",
  "dC1rZXktbWF0ZXJpYWwtb25seaFEA0IABK0=",
  "-----END PRIVATE KEY-----",
].join("\n");

describe("redactStepOutput", () => {
  it("never keeps a private key block, of any label, even unterminated", () => {
    expect(redactStepOutput(`read:\n${KEY}\ndone`, [])).toBe("read:\n[private key redacted]\ndone");
    expect(
      redactStepOutput(
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
        [],
      ),
    ).toBe("[private key redacted]");
    expect(redactStepOutput("x -----BEGIN RSA PRIVATE KEY-----\nMIIEow", [])).toBe("x [private key redacted]");
  });

  it("removes passwords, passphrases and lines of a key quoted on their own", () => {
    const output = "login as deploy with hunter2-password failed; key line dC1rZXktbWF0ZXJpYWwtb25seaFEA0IABK0= bad";
    expect(redactStepOutput(output, ["hunter2-password", KEY])).toBe(
      "login as deploy with [redacted] failed; key line [redacted] bad",
    );
  });

  it("ignores empty secrets and keeps ordinary output", () => {
    expect(redactStepOutput("  nginx: signal process started\r\n", ["", "unused"])).toBe(
      "nginx: signal process started",
    );
  });

  it("drops control characters and colour codes but keeps lines and tabs", () => {
    expect(redactStepOutput("\u001b[31merror\u001b[0m\tline\u0007\nnext", [])).toBe("error\tline\nnext");
  });

  it("keeps the start and the end of long output within the limit, and says how much was cut", () => {
    const output = `${"a".repeat(500)}${"b".repeat(500)}`;
    const trimmed = redactStepOutput(output, [], 200);
    expect(trimmed.length).toBeLessThanOrEqual(200);
    expect(trimmed).toMatch(/^a+\n… 800 characters cut …\nb+$/);
  });

  it("redacts before trimming, so a cut never leaves half a secret", () => {
    const secret = "s3cret-passphrase-value";
    const trimmed = redactStepOutput(`${"x".repeat(90)}${secret}${"y".repeat(90)}`, [secret], 120);
    expect(trimmed).not.toMatch(/s3cret|passphrase|value/);
  });
});
