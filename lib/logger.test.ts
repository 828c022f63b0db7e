// The redaction list is the only thing between a logged settings object and a leaked secret.
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { LOG_REDACTION } from "@/lib/logger";

function logOnce(value: object): string {
  let written = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  pino({ redact: LOG_REDACTION }, sink).info(value, "settings");
  return written;
}

describe("logger redaction", () => {
  it("hides DNS provider and ACME secrets at the top level and one level down", () => {
    const line = logOnce({
      dns: { provider: "powerdns", apiKey: "pdns-secret-1", tsigSecret: "tsig-secret-2" },
      ca: { directoryUrl: "https://acme.example/dir", hmacKey: "eab-secret-3" },
      account: { accountUrl: "https://acme.example/acct/1", accountKeyPem: "-----BEGIN PRIVATE KEY-----x" },
      POWERDNS_API_KEY: "pdns-secret-4",
      RFC2136_TSIG_SECRET: "tsig-secret-5",
    });
    for (const secret of [
      "pdns-secret-1",
      "tsig-secret-2",
      "eab-secret-3",
      "BEGIN PRIVATE KEY",
      "pdns-secret-4",
      "tsig-secret-5",
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("https://acme.example/acct/1");
    expect(line).toContain("[redacted]");
  });
});
