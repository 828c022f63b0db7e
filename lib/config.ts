// Every setting the app reads from the environment, validated once. A missing or
// malformed value stops the start with a message naming the variable and how to set it.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { type AllowedNetwork, parseAllowedNetworks } from "@/lib/deploy/parse-allowed-networks";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const HOW_TO_GENERATE = "generate one with: openssl rand -base64 32";
const TRUST_PROXY_PROBLEM =
  "TRUST_PROXY must be false (nothing in front of CertDesk: the default) or the number of reverse proxies in front of it, 1 to 10";

const SERVER_ADDRESS = /^[^\s:[\]]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

function isDomainName(value: string): boolean {
  try {
    normalizeDomainName(value);
    return true;
  } catch {
    return false;
  }
}

/** A PEM bundle given inline or as the path of a file: the PEM text, or a problem to report. */
function readPemBundle(value: string): { pem: string } | { problem: string } {
  if (value.includes("-----BEGIN")) {
    return PEM_CERTIFICATE.test(value) ? { pem: value } : { problem: "holds no PEM certificate" };
  }
  let text: string;
  try {
    text = readFileSync(value, "utf8");
  } catch (error) {
    return { problem: `cannot read ${value} (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  return PEM_CERTIFICATE.test(text) ? { pem: text } : { problem: `${value} holds no PEM certificate` };
}

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
      .default(1000),
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
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value) => value?.trim().toLowerCase() || "false")
      .pipe(
        z
          .string()
          .regex(/^(false|0|[1-9]|10)$/, TRUST_PROXY_PROBLEM)
          .transform((value) => (value === "false" ? 0 : Number(value))),
      ),
    DNS_PROVIDER: optionalString.pipe(
      z
        .enum(["demo", "powerdns", "rfc2136"], { error: "DNS_PROVIDER must be demo, powerdns or rfc2136" })
        .default("demo"),
    ),
    POWERDNS_API_URL: optionalString.pipe(
      z
        .string()
        .regex(/^https?:\/\/[^\s/]+/, "POWERDNS_API_URL must be the API's address, e.g. http://127.0.0.1:8081")
        .optional(),
    ),
    POWERDNS_API_KEY: optionalString,
    POWERDNS_SERVER_ID: optionalString.pipe(z.string().default("localhost")),
    RFC2136_SERVER: optionalString.pipe(
      z.string().regex(SERVER_ADDRESS, "RFC2136_SERVER must be host or host:port, e.g. 192.0.2.53:53").optional(),
    ),
    RFC2136_TSIG_KEY_NAME: optionalString.pipe(
      z.string().refine(isDomainName, "RFC2136_TSIG_KEY_NAME must be a key name such as certdesk-key").optional(),
    ),
    RFC2136_TSIG_SECRET: optionalString.pipe(
      z
        .string()
        .refine(
          (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, "base64").length >= 16,
          "RFC2136_TSIG_SECRET must be the key's secret in base64 (at least 16 bytes), as tsig-keygen prints it",
        )
        .optional(),
    ),
    RFC2136_TSIG_ALGORITHM: optionalString.pipe(
      z
        .enum(["hmac-sha256", "hmac-sha512"], { error: "RFC2136_TSIG_ALGORITHM must be hmac-sha256 or hmac-sha512" })
        .default("hmac-sha256"),
    ),
    HOSTED_ZONE_NAMESERVERS: optionalString.pipe(
      z
        .string()
        .transform((value) =>
          value
            .split(",")
            .map((name) => name.trim())
            .filter(Boolean),
        )
        .refine(
          (names) => names.length > 0 && names.every(isDomainName),
          "HOSTED_ZONE_NAMESERVERS must be host names separated by commas, e.g. ns1.example.net,ns2.example.net",
        )
        .optional(),
    ),
    VALIDATION_DELEGATION_ZONE: optionalString.pipe(
      z
        .string()
        .refine(
          (value) => isDomainName(value) && !value.includes("*") && value.replace(/\.$/, "").includes("."),
          "VALIDATION_DELEGATION_ZONE must be a zone name such as validation.example.net",
        )
        .transform(normalizeDomainName)
        .optional(),
    ),
    ACME_CA_BUNDLE: optionalString.pipe(
      z
        .string()
        .transform((value, ctx) => {
          const bundle = readPemBundle(value);
          if ("pem" in bundle) return bundle.pem;
          ctx.addIssue({
            code: "custom",
            message: `ACME_CA_BUNDLE ${bundle.problem}; give a PEM file of the CA certificates to trust for ACME servers`,
          });
          return z.NEVER;
        })
        .optional(),
    ),
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
    const required: Record<string, [string, string][]> = {
      powerdns: [
        [
          "POWERDNS_API_URL",
          "the PowerDNS API's address, e.g. http://127.0.0.1:8081 (webserver-address/port in pdns.conf)",
        ],
        ["POWERDNS_API_KEY", "the api-key from pdns.conf"],
        ["HOSTED_ZONE_NAMESERVERS", "the host names of your name servers, e.g. ns1.example.net,ns2.example.net"],
      ],
      rfc2136: [
        ["RFC2136_SERVER", "the primary server that takes updates, host:port"],
        ["RFC2136_TSIG_KEY_NAME", "the TSIG key's name as the server knows it"],
        ["RFC2136_TSIG_SECRET", "the key's secret in base64, e.g. from tsig-keygen -a hmac-sha256 certdesk-key"],
      ],
    };
    for (const [name, meaning] of required[config.DNS_PROVIDER] ?? []) {
      if (config[name as keyof typeof config] === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `${name} is not set; DNS_PROVIDER=${config.DNS_PROVIDER} needs ${meaning}`,
        });
      }
    }
  });

/** Where hosted zones live and how CertDesk reaches them (DNS_PROVIDER and its settings). */
export type DnsSettings = {
  /** The name servers customers set at their registrar for a hosted zone. */
  hostedZoneNameservers: string[];
  /**
   * The operator's zone that customers' `_acme-challenge` CNAMEs point into
   * (VALIDATION_DELEGATION_ZONE); null: automatic validation of third-party domains is off.
   */
  validationDelegationZone: string | null;
} & (
  | { provider: "demo" }
  | { provider: "powerdns"; apiUrl: string; apiKey: string; serverId: string }
  | {
      provider: "rfc2136";
      server: string;
      tsigKeyName: string;
      tsigSecret: string;
      tsigAlgorithm: "hmac-sha256" | "hmac-sha512";
    }
);

/** What the demo shows as its name servers when HOSTED_ZONE_NAMESERVERS is not set. */
const DEMO_NAMESERVERS = ["ns1.certdesk.localhost", "ns2.certdesk.localhost"];
/** The demo's validation zone when VALIDATION_DELEGATION_ZONE is not set (its rows are the demo DNS). */
const DEMO_VALIDATION_ZONE = "validation.certdesk.localhost";

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
  /**
   * Reverse proxies in front of the app whose X-Forwarded-For and X-Forwarded-Proto are
   * believed (lib/http/client-ip.ts); 0: none, the client is the socket's peer.
   */
  trustProxy: number;
  dns: DnsSettings;
  /** Extra CA certificates (PEM) to trust for ACME servers' HTTPS: private ACME CAs, Pebble in tests. */
  acmeCaBundlePem: string | undefined;
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
    trustProxy: c.TRUST_PROXY,
    dns: dnsSettings(c),
    acmeCaBundlePem: c.ACME_CA_BUNDLE,
  };
}

function dnsSettings(c: z.infer<typeof configSchema>): DnsSettings {
  // superRefine has checked that the chosen provider's settings are all there.
  const present = (value: string | undefined): string => value ?? "";
  switch (c.DNS_PROVIDER) {
    case "demo":
      return {
        provider: "demo",
        hostedZoneNameservers: c.HOSTED_ZONE_NAMESERVERS ?? DEMO_NAMESERVERS,
        validationDelegationZone: c.VALIDATION_DELEGATION_ZONE ?? DEMO_VALIDATION_ZONE,
      };
    case "powerdns":
      return {
        provider: "powerdns",
        validationDelegationZone: c.VALIDATION_DELEGATION_ZONE ?? null,
        apiUrl: present(c.POWERDNS_API_URL),
        apiKey: present(c.POWERDNS_API_KEY),
        serverId: c.POWERDNS_SERVER_ID,
        hostedZoneNameservers: c.HOSTED_ZONE_NAMESERVERS ?? [],
      };
    case "rfc2136":
      return {
        provider: "rfc2136",
        validationDelegationZone: c.VALIDATION_DELEGATION_ZONE ?? null,
        server: present(c.RFC2136_SERVER),
        tsigKeyName: present(c.RFC2136_TSIG_KEY_NAME),
        tsigSecret: present(c.RFC2136_TSIG_SECRET),
        tsigAlgorithm: c.RFC2136_TSIG_ALGORITHM,
        hostedZoneNameservers: c.HOSTED_ZONE_NAMESERVERS ?? [],
      };
  }
}

let cached: AppConfig | undefined;

/** The validated configuration of this process (read lazily so builds need no secrets). */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
