// A real PowerDNS Authoritative server (Debian's pdns-server with the SQLite backend)
// on free loopback ports, for integration tests: DNS over UDP and TCP, the HTTP API,
// and RFC 2136 updates. Its data lives in a temporary folder removed by stop().
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findFreePort } from "@/testing/servers/free-port";
import { type ManagedProcess, ProcessStartError, startManagedProcess } from "@/testing/servers/managed-process";
import { requireBinary, requireFile } from "@/testing/servers/require-binary";

const SCHEMA_PATHS = [
  "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql",
  "/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql",
];
const START_ATTEMPTS = 3;

export type TsigAlgorithmName = "hmac-sha256" | "hmac-sha512";

export type PowerDnsServer = {
  /** "127.0.0.1:<port>": DNS over UDP and TCP (queries and RFC 2136 updates). */
  dnsAddress: string;
  dnsPort: number;
  /** The API's base, e.g. "http://127.0.0.1:<port>" (POWERDNS_API_URL). */
  apiUrl: string;
  apiKey: string;
  serverId: string;
  /** A call to the API as the operator (or a customer's own DNS host) would make it; throws on an error status. */
  api(method: string, apiPath: string, body?: unknown): Promise<unknown>;
  /** Creates a zone directly, outside CertDesk (a customer's zone at their own DNS host). */
  createZone(name: string, rrsets?: { name: string; type: string; ttl?: number; contents: string[] }[]): Promise<void>;
  /** Replaces one RRset directly, outside CertDesk. */
  setRecords(zone: string, rrset: { name: string; type: string; ttl?: number; contents: string[] }): Promise<void>;
  /** Creates a TSIG key and returns its base64 secret. */
  createTsigKey(name: string, algorithm: TsigAlgorithmName): Promise<string>;
  /** Lets `keyName` send RFC 2136 updates to `zone` (zone metadata TSIG-ALLOW-DNSUPDATE). */
  allowUpdates(zone: string, keyNames: string[]): Promise<void>;
  output(): string;
  stop(): Promise<void>;
};

function absolute(name: string): string {
  return name.endsWith(".") ? name : `${name}.`;
}

export type StartPowerDnsOptions = {
  /** The loopback address DNS listens on; default 127.0.0.1 (127.0.0.2 for a second server of the same zone). */
  localAddress?: string;
  /** A fixed DNS port, e.g. the first server's, so both are one zone's name servers on one port. Default: a free one. */
  dnsPort?: number;
};

export async function startPowerDns(options: StartPowerDnsOptions = {}): Promise<PowerDnsServer> {
  const localAddress = options.localAddress ?? "127.0.0.1";
  const pdnsServer = requireBinary("pdns_server");
  const sqlite3 = requireBinary("sqlite3");
  const schema = requireFile(SCHEMA_PATHS, "The PowerDNS SQLite schema (package pdns-backend-sqlite3)");
  const directory = await mkdtemp(path.join(tmpdir(), "certdesk-pdns-"));
  const database = path.join(directory, "pdns.sqlite3");
  await promisify(execFile)(sqlite3, [database, `.read ${schema}`]);
  const apiKey = randomBytes(16).toString("hex");

  let server: ManagedProcess | undefined;
  let dnsPort = 0;
  let apiPort = 0;
  for (let attempt = 1; !server; attempt++) {
    dnsPort = options.dnsPort ?? (await findFreePort({ udp: true }));
    apiPort = await findFreePort();
    const config = [
      "launch=gsqlite3",
      `gsqlite3-database=${database}`,
      `local-address=${localAddress}`,
      `local-port=${dnsPort}`,
      `socket-dir=${directory}`,
      "guardian=no",
      "daemon=no",
      // Empty: otherwise pdns sends a security-status query to the internet at start.
      "security-poll-suffix=",
      "api=yes",
      `api-key=${apiKey}`,
      "webserver=yes",
      "webserver-address=127.0.0.1",
      `webserver-port=${apiPort}`,
      "webserver-allow-from=127.0.0.0/8",
      "dnsupdate=yes",
      "allow-dnsupdate-from=127.0.0.0/8",
      "loglevel=6",
      "",
    ].join("\n");
    await writeFile(path.join(directory, "pdns.conf"), config);
    try {
      server = await startManagedProcess({
        name: "PowerDNS",
        command: pdnsServer,
        args: [`--config-dir=${directory}`, "--setuid=", "--setgid="],
        cwd: directory,
        readyWhen: /\[webserver\] Listening for HTTP requests/,
        probe: async () => {
          const response = await fetch(`http://127.0.0.1:${apiPort}/api/v1/servers/localhost`, {
            headers: { "X-API-Key": apiKey },
          });
          return response.ok;
        },
      });
    } catch (error) {
      // Another process took a port between the check and the bind: try other ports.
      const portTaken = error instanceof ProcessStartError && /in use|bind/i.test(error.output) && !options.dnsPort;
      if (!portTaken || attempt >= START_ATTEMPTS) {
        await rm(directory, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const started = server;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const serverId = "localhost";

  async function api(method: string, apiPath: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${apiUrl}/api/v1/servers/${serverId}${apiPath}`, {
      method,
      headers: { "X-API-Key": apiKey, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`PowerDNS API ${method} ${apiPath} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }

  const toRrset = (rrset: { name: string; type: string; ttl?: number; contents: string[] }) => ({
    name: absolute(rrset.name),
    type: rrset.type,
    ttl: rrset.ttl ?? 60,
    changetype: "REPLACE",
    records: rrset.contents.map((content) => ({ content, disabled: false })),
  });

  return {
    dnsAddress: `${localAddress}:${dnsPort}`,
    dnsPort,
    apiUrl,
    apiKey,
    serverId,
    api,
    async createZone(name, rrsets = []) {
      await api("POST", "/zones", {
        name: absolute(name),
        kind: "Native",
        nameservers: [`ns1.${absolute(name)}`],
        rrsets: rrsets.map(toRrset),
      });
    },
    async setRecords(zone, rrset) {
      await api("PATCH", `/zones/${absolute(zone)}`, { rrsets: [toRrset(rrset)] });
    },
    async createTsigKey(name, algorithm) {
      const created = (await api("POST", "/tsigkeys", { name, algorithm })) as { key: string };
      return created.key;
    },
    async allowUpdates(zone, keyNames) {
      await api("PUT", `/zones/${absolute(zone)}/metadata/TSIG-ALLOW-DNSUPDATE`, {
        kind: "TSIG-ALLOW-DNSUPDATE",
        metadata: keyNames,
      });
    },
    output: () => started.output(),
    async stop() {
      await started.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * The environment that points CertDesk at `server` as an operator would (DNS_PROVIDER
 * powerdns, its API and key, the NS names of hosted zones), with every validation and
 * delegation lookup asked of it (DNS_RESOLVER) instead of the parent zones' servers.
 * Assign it to process.env before anything reads the configuration.
 */
export function certDeskOverPowerDns(
  server: PowerDnsServer,
  options: { nameservers: readonly string[]; apiKey?: string; validationDelegationZone?: string },
): Record<string, string> {
  return {
    DNS_PROVIDER: "powerdns",
    POWERDNS_API_URL: server.apiUrl,
    POWERDNS_API_KEY: options.apiKey ?? server.apiKey,
    POWERDNS_SERVER_ID: server.serverId,
    HOSTED_ZONE_NAMESERVERS: options.nameservers.join(","),
    DNS_RESOLVER: server.dnsAddress,
    ...(options.validationDelegationZone ? { VALIDATION_DELEGATION_ZONE: options.validationDelegationZone } : {}),
  };
}
