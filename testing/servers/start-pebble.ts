// A real ACME CA for integration tests: Debian's Pebble (Let's Encrypt's test server) on
// free loopback ports, External Account Binding required, validating DNS-01 through the
// DNS server given (PowerDNS in our tests). Deterministic: no random validation delays,
// no rejected nonces, no reused authorizations. Pebble keeps everything in memory: a
// restart forgets accounts and orders and makes a new root.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { get } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { createListenerCertificate } from "@/testing/servers/create-listener-certificate";
import { findFreePort } from "@/testing/servers/free-port";
import { type ManagedProcess, ProcessStartError, startManagedProcess } from "@/testing/servers/managed-process";
import { requireBinary } from "@/testing/servers/require-binary";

export type PebbleServer = {
  /** The ACME directory, https://127.0.0.1:<port>/dir. */
  directoryUrl: string;
  /** The self-signed certificate of Pebble's HTTPS listener: what an ACME client must trust (ACME_CA_BUNDLE). */
  listenerCertificatePem: string;
  /** The External Account Binding Pebble accepts: key id and base64url HMAC key. */
  eab: { keyId: string; hmacKey: string };
  /** The root that signs this run's certificates (management port /roots/0; new at every start). */
  rootCertificatePem(): Promise<string>;
  /** Stops the process; start() brings it back on the same ports with nothing remembered. */
  stop(): Promise<void>;
  start(): Promise<void>;
  output(): string;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
};

const START_ATTEMPTS = 3;

function httpsGet(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () =>
        response.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${url} answered ${response.statusCode}`)),
      );
    }).on("error", reject);
  });
}

export type StartPebbleOptions = {
  /** "host:port" of the DNS server Pebble's VA asks for DNS-01 records. */
  dnsServer: string;
  /** Percentage of good nonces Pebble rejects with badNonce (PEBBLE_WFE_NONCEREJECT). Default 0. */
  nonceRejectPercent?: number;
};

export async function startPebble(options: StartPebbleOptions): Promise<PebbleServer> {
  const pebble = requireBinary("pebble");
  const directory = await mkdtemp(path.join(tmpdir(), "certdesk-pebble-"));
  const listener = await createListenerCertificate(new Date());
  const certificateFile = path.join(directory, "listener-cert.pem");
  const keyFile = path.join(directory, "listener-key.pem");
  await writeFile(certificateFile, listener.certificatePem);
  await writeFile(keyFile, listener.privateKeyPem, { mode: 0o600 });
  const eab = { keyId: "certdesk-test-kid", hmacKey: randomBytes(32).toString("base64url") };
  const configFile = path.join(directory, "pebble.json");
  let ports = { acme: 0, management: 0 };

  async function writeConfig(): Promise<void> {
    ports = { acme: await findFreePort(), management: await findFreePort() };
    const config = {
      pebble: {
        listenAddress: `127.0.0.1:${ports.acme}`,
        managementListenAddress: `127.0.0.1:${ports.management}`,
        certificate: certificateFile,
        privateKey: keyFile,
        // Where Pebble's VA would connect for http-01 and tls-alpn-01; our tests only use dns-01.
        httpPort: 5002,
        tlsPort: 5001,
        ocspResponderURL: "",
        externalAccountBindingRequired: true,
        externalAccountMACKeys: { [eab.keyId]: eab.hmacKey },
        certificateValidityPeriod: 7_776_000,
      },
    };
    await writeFile(configFile, JSON.stringify(config));
  }

  let running: ManagedProcess | undefined;
  async function start(): Promise<void> {
    if (running) throw new Error("Pebble is already running");
    for (let attempt = 1; !running; attempt++) {
      try {
        running = await startManagedProcess({
          name: "Pebble",
          command: pebble,
          args: ["-config", configFile, "-dnsserver", options.dnsServer, "-strict=false"],
          cwd: directory,
          env: {
            ...process.env,
            PEBBLE_VA_NOSLEEP: "1",
            PEBBLE_WFE_NONCEREJECT: String(options.nonceRejectPercent ?? 0),
            PEBBLE_AUTHZREUSE: "0",
          },
          // Pebble logs this just before it binds the port, so the directory is asked too.
          readyWhen: /ACME directory available at/,
          probe: async () =>
            (await httpsGet(`https://127.0.0.1:${ports.acme}/dir`, listener.certificatePem)).length > 0,
        });
      } catch (error) {
        const portTaken = error instanceof ProcessStartError && /address already in use/i.test(error.output);
        if (!portTaken || attempt >= START_ATTEMPTS) throw error;
        await writeConfig();
      }
    }
  }

  await writeConfig();
  try {
    await start();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  const server: PebbleServer = {
    get directoryUrl() {
      return `https://127.0.0.1:${ports.acme}/dir`;
    },
    listenerCertificatePem: listener.certificatePem,
    eab,
    rootCertificatePem: () => httpsGet(`https://127.0.0.1:${ports.management}/roots/0`, listener.certificatePem),
    async stop() {
      const current = running;
      running = undefined;
      await current?.stop();
    },
    start,
    output: () => running?.output() ?? "",
    async close() {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
  return server;
}
