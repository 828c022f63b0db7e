// DNS lookups for domain validation, through node:dns (c-ares) so they go to the
// configured resolver (or the server asked for) and never through the operating system's cache.
import type { SoaRecord } from "node:dns";
import { lookup, Resolver } from "node:dns/promises";
import { isIP } from "node:net";

export type DnsLookupErrorCode =
  | "TIMEOUT"
  | "SERVER_FAILURE"
  | "REFUSED"
  | "CONNECTION_REFUSED"
  | "BAD_RESOLVER"
  | "LOOKUP_FAILED"
  /** The authoritative lookup found no name server for any zone above the name. */
  | "NO_AUTHORITATIVE_SERVER"
  /** A CNAME chain longer than the lookup follows, or one that loops. */
  | "CNAME_LOOP"
  /** Our own DNS server (DNS_PROVIDER), asked for a hosted zone's records, did not answer. */
  | "PROVIDER_FAILED";

/**
 * The lookup could not give an answer, as opposed to answering "no such record"
 * (an empty array). Callers should retry later rather than treat it as absent.
 */
export class DnsLookupError extends Error {
  constructor(
    readonly code: DnsLookupErrorCode,
    readonly queriedName: string,
    options?: { cause?: unknown; detail?: string; kind?: string },
  ) {
    super(
      `DNS lookup of ${options?.kind ?? "TXT"} ${queriedName} failed: ${code}${options?.detail ? ` (${options.detail})` : ""}`,
      { cause: options?.cause },
    );
    this.name = "DnsLookupError";
  }
}

export type LookupTxtOptions = {
  /** "host:port" or "[ipv6]:port" of the DNS server to ask (DNS_RESOLVER); default the system's. */
  resolver?: string;
  /** Upper bound for the whole lookup. Default 5000. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_DNS_PORT = 53;

const ERROR_CODES: Record<string, DnsLookupErrorCode> = {
  ETIMEOUT: "TIMEOUT",
  ESERVFAIL: "SERVER_FAILURE",
  EREFUSED: "REFUSED",
  ECONNREFUSED: "CONNECTION_REFUSED",
};

function parseResolver(resolver: string, name: string): { host: string; port: number } {
  const match =
    /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(resolver.trim()) ??
    /^([^\s:[\]]+)(?::(\d{1,5}))?$/.exec(resolver.trim());
  const port = match?.[2] === undefined ? DEFAULT_DNS_PORT : Number(match[2]);
  if (!match?.[1] || port < 1 || port > 65_535) {
    throw new DnsLookupError("BAD_RESOLVER", name, { detail: `"${resolver}" is not host:port` });
  }
  return { host: match[1], port };
}

/**
 * The IP address and port of a "host:port" server setting. c-ares only accepts IP
 * addresses as servers, and a UDP socket wants one too; a host name (e.g. a container's
 * "dns:53") is resolved once through the system first. `name` is what the caller is
 * about to look up, for the error.
 */
export async function resolveServerEndpoint(server: string, name: string): Promise<{ ip: string; port: number }> {
  const { host, port } = parseResolver(server, name);
  if (isIP(host) !== 0) return { ip: host, port };
  try {
    return { ip: (await lookup(host)).address, port };
  } catch (cause) {
    throw new DnsLookupError("BAD_RESOLVER", name, { cause, detail: `cannot resolve the resolver host "${host}"` });
  }
}

async function serverAddress(resolver: string, name: string): Promise<string> {
  const { ip, port } = await resolveServerEndpoint(resolver, name);
  return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** What each record type resolves to through node:dns. */
type DnsAnswers = {
  TXT: string[][];
  NS: string[];
  CNAME: string[];
  A: string[];
  AAAA: string[];
  SOA: SoaRecord;
};
export type DnsRecordKind = keyof DnsAnswers;

// One method per type rather than resolver.resolve(name, kind): node's overloads type each one precisely.
const ASK: { [K in DnsRecordKind]: (resolver: Resolver, name: string) => Promise<DnsAnswers[K]> } = {
  TXT: (resolver, name) => resolver.resolveTxt(name),
  NS: (resolver, name) => resolver.resolveNs(name),
  CNAME: (resolver, name) => resolver.resolveCname(name),
  A: (resolver, name) => resolver.resolve4(name),
  AAAA: (resolver, name) => resolver.resolve6(name),
  SOA: (resolver, name) => resolver.resolveSoa(name),
};

/**
 * The records of one type at `name`, asked of `options.resolver` (else the system's
 * servers), or null when the name does not exist (NXDOMAIN) or has none of that type
 * (NODATA). Anything that prevents an answer (timeout, server failure, refusal) throws
 * DnsLookupError. The one place CertDesk sends DNS queries; lookupTxt and the
 * authoritative lookup are built on it.
 */
export async function resolveRecords<K extends DnsRecordKind>(
  name: string,
  kind: K,
  options: LookupTxtOptions = {},
): Promise<DnsAnswers[K] | null> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
  if (options.resolver) resolver.setServers([await serverAddress(options.resolver, name)]);

  // c-ares's timeout is per attempt and per server (TCP retries, several system
  // servers), so the whole lookup gets its own deadline too.
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    resolver.cancel();
  }, timeoutMs);
  try {
    return await ASK[kind](resolver, name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (!timedOut && (code === "ENOTFOUND" || code === "ENODATA")) return null;
    throw new DnsLookupError(timedOut ? "TIMEOUT" : (ERROR_CODES[code] ?? "LOOKUP_FAILED"), name, {
      cause: error,
      detail: code || undefined,
      kind,
    });
  } finally {
    clearTimeout(deadline);
  }
}

/**
 * The TXT records at `name`, one string per record (a record's character-strings
 * joined, as RFC 7208 reads them). A name that does not exist (NXDOMAIN) or has no TXT
 * records (NODATA) gives `[]`. Anything that prevents an answer (timeout, server
 * failure, refusal) throws DnsLookupError.
 */
export async function lookupTxt(name: string, options: LookupTxtOptions = {}): Promise<string[]> {
  const records = await resolveRecords(name, "TXT", options);
  return (records ?? []).map((chunks) => chunks.join(""));
}
