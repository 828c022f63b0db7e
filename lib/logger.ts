// Structured logs (pino). Secrets are redacted by key wherever they appear, so a
// logged object can never leak a password, key or token.
import pino from "pino";

const REDACTED_KEYS = [
  "password",
  "passwordHash",
  "newPassword",
  "secret",
  "token",
  "authorization",
  "cookie",
  "privateKey",
  "privateKeyPem",
  "encryptedKey",
  "AUTH_SECRET",
  "CRON_SECRET",
  "ENCRYPTION_KEY",
  "DATABASE_URL",
  "SMTP_URL",
  // DNS providers and ACME CAs (lib/dns/providers, lib/acme): API keys, TSIG and EAB secrets, account keys.
  "apiKey",
  "tsigSecret",
  "hmacKey",
  "accountKeyPem",
  "POWERDNS_API_KEY",
  "RFC2136_TSIG_SECRET",
];

export const LOG_REDACTION = {
  paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`), "headers.*"],
  censor: "[redacted]",
};

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "certdesk" },
  redact: LOG_REDACTION,
});

/** Connection strings in messages, with the password masked. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "an unparsable DATABASE_URL";
  }
}
