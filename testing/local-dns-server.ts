// A small authoritative DNS server on the loopback interface, for tests and for
// `npm run demo`: it makes a "third-party" domain's validation record appear the way
// a customer's DNS provider would. Only tests and the demo import this module, which
// is why it may use dns2, a devDependency; the application never does.
import type { AddressInfo, Socket } from "node:net";
import { Packet, TCPServer, UDPServer } from "dns2";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";

export type LocalDnsRecord =
  | { name: string; type: "TXT"; value: string | readonly string[]; ttl?: number }
  | { name: string; type: "A"; value: string; ttl?: number };

export type LocalDnsRecordType = LocalDnsRecord["type"];

type StoredRecord = { type: LocalDnsRecordType; value: string | readonly string[]; ttl: number };

export type LocalDnsServerOptions = {
  /** Loopback by default; the server is meant to be reachable from this machine only. */
  host?: string;
  /** Also answer over TCP on the same port, where resolvers retry truncated answers. Default true. */
  tcp?: boolean;
};

// dns2 has these at runtime but not in its type definitions.
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
export type LocalDnsFailure = "SERVFAIL" | "REFUSED";

const DEFAULT_TTL = 600;
const MAX_CHARACTER_STRING = 255;
const BIND_ATTEMPTS = 10;

// A TXT character-string holds at most 255 bytes; longer values are sent as several
// strings, which resolvers hand back as one record (RFC 7208 §3.3 does the same).
function characterStrings(value: string | readonly string[]): Buffer[] {
  if (typeof value !== "string") return value.map((part) => Buffer.from(part, "utf8"));
  const bytes = Buffer.from(value, "utf8");
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += MAX_CHARACTER_STRING) {
    parts.push(bytes.subarray(start, start + MAX_CHARACTER_STRING));
  }
  return parts.length > 0 ? parts : [Buffer.alloc(0)];
}

function sameValue(a: string | readonly string[], b: string | readonly string[]): boolean {
  const join = (value: string | readonly string[]) => (typeof value === "string" ? value : value.join(""));
  return join(a) === join(b);
}

/**
 * `const dns = new LocalDnsServer(); await dns.start();` then point a resolver at
 * `dns.address` ("127.0.0.1:<port>", the DNS_RESOLVER format). Records can be added and
 * removed while it runs. Unknown names get NXDOMAIN; known names without records of the
 * asked type get an empty answer (NODATA).
 */
export class LocalDnsServer {
  private readonly records = new Map<string, StoredRecord[]>();
  private readonly failures = new Map<string, LocalDnsFailure>();
  private readonly connections = new Set<Socket>();
  private udp: UDPServer | undefined;
  private tcp: TCPServer | undefined;
  private boundPort: number | undefined;
  private readonly host: string;
  private readonly withTcp: boolean;

  constructor(options: LocalDnsServerOptions = {}) {
    this.host = options.host ?? "127.0.0.1";
    this.withTcp = options.tcp ?? true;
  }

  get port(): number {
    if (this.boundPort === undefined) throw new Error("LocalDnsServer is not started");
    return this.boundPort;
  }

  /** "host:port", ready for DNS_RESOLVER or lookupTxt's `resolver`. */
  get address(): string {
    return this.host.includes(":") ? `[${this.host}]:${this.port}` : `${this.host}:${this.port}`;
  }

  addRecord(record: LocalDnsRecord): void {
    const name = normalizeDomainName(record.name);
    const list = this.records.get(name) ?? [];
    list.push({ type: record.type, value: record.value, ttl: record.ttl ?? DEFAULT_TTL });
    this.records.set(name, list);
  }

  /** Removes the name's records of that type, or only those with the given value. Returns how many. */
  removeRecord(query: { name: string; type: LocalDnsRecordType; value?: string | readonly string[] }): number {
    const name = normalizeDomainName(query.name);
    const list = this.records.get(name) ?? [];
    const { value } = query;
    const kept = list.filter(
      (record) => record.type !== query.type || (value !== undefined && !sameValue(record.value, value)),
    );
    if (kept.length > 0) this.records.set(name, kept);
    else this.records.delete(name);
    return list.length - kept.length;
  }

  /** Makes every question about `name` fail with that response code, until cleared with `undefined`. */
  failWith(name: string, failure: LocalDnsFailure | undefined): void {
    const normalized = normalizeDomainName(name);
    if (failure) this.failures.set(normalized, failure);
    else this.failures.delete(normalized);
  }

  clear(): void {
    this.records.clear();
    this.failures.clear();
  }

  /** Listens on a free port, or the one given (the same one for UDP and TCP), and resolves with `address`. */
  async start(options: { port?: number } = {}): Promise<string> {
    if (this.udp) throw new Error("LocalDnsServer is already started");
    for (let attempt = 1; ; attempt++) {
      const udp = new UDPServer({ type: this.host.includes(":") ? "udp6" : "udp4" });
      udp.on("request", (request, send) => this.reply(request, send));
      const port = await new Promise<number>((resolve, reject) => {
        udp.once("error", reject);
        udp.bind(options.port ?? 0, this.host, () => {
          udp.off("error", reject);
          resolve(udp.address().port);
        });
      });
      if (!this.withTcp) {
        this.udp = udp;
        this.boundPort = port;
        return this.address;
      }
      const tcp = new TCPServer((request, send) => this.reply(request, send));
      tcp.on("connection", (socket: Socket) => {
        this.connections.add(socket);
        socket.once("close", () => this.connections.delete(socket));
      });
      try {
        await new Promise<void>((resolve, reject) => {
          tcp.once("error", reject);
          tcp.listen(port, this.host, () => {
            tcp.off("error", reject);
            resolve();
          });
        });
        this.udp = udp;
        this.tcp = tcp;
        this.boundPort = (tcp.address() as AddressInfo).port;
        return this.address;
      } catch (error) {
        // Someone holds this port number over TCP; try another free UDP port.
        await new Promise<void>((resolve) => udp.close(() => resolve()));
        const retry = options.port === undefined && (error as NodeJS.ErrnoException).code === "EADDRINUSE";
        if (attempt >= BIND_ATTEMPTS || !retry) throw error;
      }
    }
  }

  async close(): Promise<void> {
    const { udp, tcp } = this;
    this.udp = undefined;
    this.tcp = undefined;
    this.boundPort = undefined;
    // Resolvers may keep TCP connections open; without this, close would wait for them.
    for (const socket of this.connections) socket.destroy();
    this.connections.clear();
    await Promise.all([
      udp && new Promise<void>((resolve) => udp.close(() => resolve())),
      tcp && new Promise<void>((resolve) => tcp.close(() => resolve())),
    ]);
  }

  private reply(request: Packet, send: (response: Packet) => Promise<Buffer>): void {
    // The asking resolver times out and reports it; the warning says why.
    send(this.answer(request)).catch((error: unknown) => console.warn("LocalDnsServer could not answer", error));
  }

  private answer(request: Packet): Packet {
    const response = Packet.createResponseFromRequest(request);
    response.header.aa = 1;
    const [question] = request.questions;
    if (!question) return response;
    const name = question.name.toLowerCase().replace(/\.$/, "");
    const failure = this.failures.get(name);
    if (failure) {
      response.header.rcode = RCODE[failure];
      return response;
    }
    const records = this.records.get(name);
    if (!records) {
      response.header.rcode = RCODE.NXDOMAIN;
      return response;
    }
    for (const record of records) {
      if (record.type === "TXT" && question.type === Packet.TYPE.TXT) {
        response.answers.push(
          Packet.createResourceFromQuestion(question, {
            type: Packet.TYPE.TXT,
            class: Packet.CLASS.IN,
            ttl: record.ttl,
            // dns2 writes Buffers as they are, though its types only mention strings.
            data: characterStrings(record.value) as unknown as string[],
          }),
        );
      } else if (record.type === "A" && question.type === Packet.TYPE.A && typeof record.value === "string") {
        response.answers.push(
          Packet.createResourceFromQuestion(question, {
            type: Packet.TYPE.A,
            class: Packet.CLASS.IN,
            ttl: record.ttl,
            address: record.value,
          }),
        );
      }
    }
    return response;
  }
}
