// Every setting the app reads from the environment, validated once. A missing or
// malformed value stops the start with a message naming the variable and how to set it.
import { z } from "zod";
import { type AllowedNetwork, parseAllowedNetworks } from "@/lib/deploy/parse-allowed-networks";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const HOW_TO_GENERATE = "generate one with: openssl rand -base64 32";

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DEMO_MODE: booleanFlag,
    AUTH_SECRET: z
      .string({ error: `AUTH_SECRET is not set; ${HOW_TO_GENERATE}` })
      .min(32, `AUTH_SECRET must be at least 32 characters; ${HOW_TO_GENERATE}`),
    CRON_SECRET: z.string({
      error: `CRON_SECRET is not set; it authorises the renewal job route. ${HOW_TO_GENERATE}`,
    }),
    ENCRYPTION_KEY: z
      .string({ error: `ENCRYPTION_KEY is not set; it encrypts private keys at rest. ${HOW_TO_GENERATE}` })
      .refine(
        (value) => decodeKey(value)?.length === 32,
        `ENCRYPTION_KEY must be 32 bytes, as base64 (44 characters) or hex (64 characters); ${HOW_TO_GENERATE}`,
      ),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string")
        .optional(),
    ),
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:password@host:587")
        .optional(),
    ),
    MAIL_FROM: z.string().default("CertDesk <no-reply@certdesk.localhost>"),
    APP_URL: z
      .string()
      .regex(/^https?:\/\/[^\s/]+/, "APP_URL must be the console's public address, e.g. https://certs.example.com")
      .default("http://localhost:3000"),
    DNS_RESOLVER: optionalString.pipe(
      z
        .string()
        .regex(/^[^\s:]+:\d{1,5}$|^\[[0-9a-f:]+\]:\d{1,5}$/i, "DNS_RESOLVER must be host:port, e.g. 1.1.1.1:53")
        .optional(),
    ),
    RENEWAL_BATCH_SIZE: z.coerce
      .number({ error: "RENEWAL_BATCH_SIZE must be a whole number between 1 and 5000" })
      .int()
      .min(1)
      .max(5000)
      .default(500),
    RENEWAL_LANES: z.coerce
      .number({ error: "RENEWAL_LANES must be a whole number between 1 and 8" })
      .int()
      .min(1)
      .max(8)
      .default(2),
    DEPLOY_ALLOWED_NETWORKS: optionalString.transform((text, ctx) => {
      const parsed = parseAllowedNetworks(text);
      if (parsed.ok) return parsed.networks;
      ctx.addIssue({
        code: "custom",
        message: `DEPLOY_ALLOWED_NETWORKS must be networks in CIDR notation separated by commas, e.g. 10.20.0.0/16, fd00::/8 (could not read: ${parsed.invalid.join(", ")})`,
      });
      return z.NEVER;
    }),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((config, ctx) => {
    if (!config.DEMO_MODE && config.CRON_SECRET.length < 32) {
      ctx.addIssue({
        code: "custom",
        path: ["CRON_SECRET"],
        message: `CRON_SECRET must be at least 32 characters outside DEMO_MODE; ${HOW_TO_GENERATE}`,
      });
    }
    if (config.CRON_SECRET.length === 0) {
      ctx.addIssue({ code: "custom", path: ["CRON_SECRET"], message: `CRON_SECRET is empty; ${HOW_TO_GENERATE}` });
    }
  });

export type AppConfig = {
  nodeEnv: "development" | "production" | "test";
  demoMode: boolean;
  authSecret: string;
  cronSecret: string;
  encryptionKey: Buffer;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  appUrl: string;
  dnsResolver: string | undefined;
  renewalBatchSize: number;
  /** Batches of the deduction step in flight at once, each on its own share of the accounts. */
  renewalLanes: number;
  /**
   * Private, loopback or reserved networks deployment targets (SSH servers, deploy webhooks,
   * verified endpoints) may reach outside DEMO_MODE; empty: none.
   */
  deployAllowedNetworks: AllowedNetwork[];
  logLevel: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `CertDesk cannot start; fix these settings (environment or .env):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

export function decodeKey(value: string): Buffer | undefined {
  const trimmed = value.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(trimmed)) return Buffer.from(trimmed, "base64");
  return undefined;
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
      }),
    );
  }
  const c = result.data;
  return {
    nodeEnv: c.NODE_ENV,
    demoMode: c.DEMO_MODE,
    authSecret: c.AUTH_SECRET,
    cronSecret: c.CRON_SECRET,
    encryptionKey: decodeKey(c.ENCRYPTION_KEY) as Buffer,
    databaseUrl: c.DATABASE_URL,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    appUrl: c.APP_URL.replace(/\/+$/, ""),
    dnsResolver: c.DNS_RESOLVER,
    renewalBatchSize: c.RENEWAL_BATCH_SIZE,
    renewalLanes: c.RENEWAL_LANES,
    deployAllowedNetworks: c.DEPLOY_ALLOWED_NETWORKS,
    logLevel: c.LOG_LEVEL,
  };
}

let cached: AppConfig | undefined;

/** The validated configuration of this process (read lazily so builds need no secrets). */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
