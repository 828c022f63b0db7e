import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const valid = {
  AUTH_SECRET: "a".repeat(32),
  CRON_SECRET: "c".repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseConfig", () => {
  it("accepts a complete production configuration", () => {
    const config = parseConfig({ ...valid, NODE_ENV: "production" });
    expect(config.demoMode).toBe(false);
    expect(config.encryptionKey).toHaveLength(32);
    expect(config.databaseUrl).toBeUndefined();
  });

  it("names each missing variable and says how to make one", () => {
    const found = problems({});
    expect(found.join("\n")).toMatch(/AUTH_SECRET is not set; generate one with: openssl rand -base64 32/);
    expect(found.join("\n")).toMatch(/CRON_SECRET is not set/);
    expect(found.join("\n")).toMatch(/ENCRYPTION_KEY is not set/);
  });

  it("refuses a CRON_SECRET shorter than 32 characters outside DEMO_MODE only", () => {
    expect(problems({ ...valid, CRON_SECRET: "short" })).toEqual([
      expect.stringMatching(/^CRON_SECRET must be at least 32 characters outside DEMO_MODE/),
    ]);
    expect(problems({ ...valid, CRON_SECRET: "short", DEMO_MODE: "true" })).toEqual([]);
  });

  it("accepts the encryption key as hex or base64, and only 32 bytes", () => {
    expect(parseConfig({ ...valid, ENCRYPTION_KEY: "ab".repeat(32) }).encryptionKey).toEqual(Buffer.alloc(32, 0xab));
    expect(problems({ ...valid, ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY must be 32 bytes/),
    ]);
  });

  it("checks the shape of optional URLs and the DNS resolver", () => {
    expect(problems({ ...valid, DATABASE_URL: "mysql://x" })).toEqual([
      expect.stringMatching(/DATABASE_URL must be a postgresql:\/\/ connection string/),
    ]);
    expect(problems({ ...valid, SMTP_URL: "http://mail" })).toHaveLength(1);
    expect(problems({ ...valid, DNS_RESOLVER: "127.0.0.1" })).toHaveLength(1);
    expect(parseConfig({ ...valid, DNS_RESOLVER: "127.0.0.1:5353" }).dnsResolver).toBe("127.0.0.1:5353");
    expect(parseConfig({ ...valid, DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it("reads the networks deployment targets may reach, and names the entries it cannot read", () => {
    expect(parseConfig(valid).deployAllowedNetworks).toEqual([]);
    expect(
      parseConfig({ ...valid, DEPLOY_ALLOWED_NETWORKS: "127.0.0.1/32, 10.20.0.0/16 fd00::/8" }).deployAllowedNetworks,
    ).toEqual([
      { network: "127.0.0.1", prefix: 32, family: "ipv4" },
      { network: "10.20.0.0", prefix: 16, family: "ipv4" },
      { network: "fd00::", prefix: 8, family: "ipv6" },
    ]);
    expect(problems({ ...valid, DEPLOY_ALLOWED_NETWORKS: "10.0.0.0/33, office" })).toEqual([
      expect.stringMatching(/^DEPLOY_ALLOWED_NETWORKS must be networks in CIDR notation.*10\.0\.0\.0\/33, office\)$/),
    ]);
  });
});
