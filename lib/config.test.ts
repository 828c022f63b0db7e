import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
  it("defaults to the demo DNS with demo name servers", () => {
    expect(parseConfig(valid).dns).toEqual({
      provider: "demo",
      hostedZoneNameservers: ["ns1.certdesk.localhost", "ns2.certdesk.localhost"],
    });
    expect(parseConfig({ ...valid, DNS_PROVIDER: "" }).dns.provider).toBe("demo");
    expect(problems({ ...valid, DNS_PROVIDER: "bind" })).toEqual(["DNS_PROVIDER must be demo, powerdns or rfc2136"]);
  });

  it("names each PowerDNS setting that is missing, and reads them all", () => {
    expect(problems({ ...valid, DNS_PROVIDER: "powerdns" })).toEqual([
      expect.stringMatching(/^POWERDNS_API_URL is not set; DNS_PROVIDER=powerdns needs the PowerDNS API's address/),
      expect.stringMatching(/^POWERDNS_API_KEY is not set; DNS_PROVIDER=powerdns needs the api-key from pdns.conf/),
      expect.stringMatching(/^HOSTED_ZONE_NAMESERVERS is not set/),
    ]);
    const powerdns = {
      ...valid,
      DNS_PROVIDER: "powerdns",
      POWERDNS_API_URL: "http://127.0.0.1:8081",
      POWERDNS_API_KEY: "pdns-key",
      HOSTED_ZONE_NAMESERVERS: " ns1.example.net , ns2.example.net ",
    };
    expect(parseConfig(powerdns).dns).toEqual({
      provider: "powerdns",
      apiUrl: "http://127.0.0.1:8081",
      apiKey: "pdns-key",
      serverId: "localhost",
      hostedZoneNameservers: ["ns1.example.net", "ns2.example.net"],
    });
    expect(problems({ ...powerdns, POWERDNS_API_URL: "127.0.0.1:8081" })).toEqual([
      expect.stringMatching(/^POWERDNS_API_URL must be the API's address/),
    ]);
    expect(problems({ ...powerdns, HOSTED_ZONE_NAMESERVERS: "ns1.example.net,not a name" })).toEqual([
      expect.stringMatching(/^HOSTED_ZONE_NAMESERVERS must be host names separated by commas/),
    ]);
  });

  it("names each RFC 2136 setting that is missing or malformed", () => {
    expect(problems({ ...valid, DNS_PROVIDER: "rfc2136" }).map((problem) => problem.split(" ")[0])).toEqual([
      "RFC2136_SERVER",
      "RFC2136_TSIG_KEY_NAME",
      "RFC2136_TSIG_SECRET",
    ]);
    const rfc2136 = {
      ...valid,
      DNS_PROVIDER: "rfc2136",
      RFC2136_SERVER: "192.0.2.53:53",
      RFC2136_TSIG_KEY_NAME: "certdesk-key",
      RFC2136_TSIG_SECRET: Buffer.alloc(32, 3).toString("base64"),
    };
    expect(parseConfig(rfc2136).dns).toMatchObject({ provider: "rfc2136", tsigAlgorithm: "hmac-sha256" });
    expect(parseConfig({ ...rfc2136, RFC2136_TSIG_ALGORITHM: "hmac-sha512" }).dns).toMatchObject({
      tsigAlgorithm: "hmac-sha512",
    });
    expect(problems({ ...rfc2136, RFC2136_TSIG_ALGORITHM: "hmac-md5" })).toEqual([
      "RFC2136_TSIG_ALGORITHM must be hmac-sha256 or hmac-sha512",
    ]);
    expect(problems({ ...rfc2136, RFC2136_TSIG_SECRET: "c2hvcnQ=" })).toEqual([
      expect.stringMatching(/^RFC2136_TSIG_SECRET must be the key's secret in base64/),
    ]);
    expect(problems({ ...rfc2136, RFC2136_SERVER: "192.0.2.53:port" })).toHaveLength(1);
  });

  it("reads ACME_CA_BUNDLE inline or from a file, and says what is wrong with it", () => {
    const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    expect(parseConfig({ ...valid, ACME_CA_BUNDLE: pem }).acmeCaBundlePem).toBe(pem.trim());
    const folder = mkdtempSync(path.join(tmpdir(), "certdesk-config-"));
    writeFileSync(path.join(folder, "bundle.pem"), pem);
    writeFileSync(path.join(folder, "empty.pem"), "nothing here");
    expect(parseConfig({ ...valid, ACME_CA_BUNDLE: path.join(folder, "bundle.pem") }).acmeCaBundlePem).toBe(pem);
    expect(problems({ ...valid, ACME_CA_BUNDLE: path.join(folder, "missing.pem") })).toEqual([
      expect.stringMatching(/^ACME_CA_BUNDLE cannot read .*missing\.pem \(ENOENT\)/),
    ]);
    expect(problems({ ...valid, ACME_CA_BUNDLE: path.join(folder, "empty.pem") })).toEqual([
      expect.stringMatching(/^ACME_CA_BUNDLE .*empty\.pem holds no PEM certificate/),
    ]);
    expect(parseConfig(valid).acmeCaBundlePem).toBeUndefined();
  });

  it("reads TRUST_PROXY as off (the default) or a count of proxies from 1 to 10", () => {
    expect(parseConfig(valid).trustProxy).toBe(0);
    for (const off of ["false", "FALSE", "0", "", " false "]) {
      expect(parseConfig({ ...valid, TRUST_PROXY: off }).trustProxy, off).toBe(0);
    }
    expect(parseConfig({ ...valid, TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(parseConfig({ ...valid, TRUST_PROXY: "10" }).trustProxy).toBe(10);
    for (const bad of ["true", "yes", "11", "-1", "1.5", "01", "2 proxies"]) {
      expect(problems({ ...valid, TRUST_PROXY: bad }), bad).toEqual([
        expect.stringMatching(/^TRUST_PROXY must be false \(nothing in front of CertDesk: the default\) or the number/),
      ]);
    }
  });
});
