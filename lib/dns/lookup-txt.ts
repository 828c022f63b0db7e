// TXT lookups for domain validation, through node:dns (c-ares) so they go to the
// configured resolver and never through the operating system's cache.
import { lookup, Resolver } from "node:dns/promises";
import { isIP } from "node:net";

export type DnsLookupErrorCode =
  | "TIMEOUT"
  | "SERVER_FAILURE"
  | "REFUSED"
  | "CONNECTION_REFUSED"
  | "BAD_RESOLVER"
  | "LOOKUP_FAILED";

/**
 * The lookup could not give an answer, as opposed to answering "no such record"
 * (an empty array). Callers should retry later rather than treat it as absent.
 */
export class DnsLookupError extends Error {
  constructor(
    readonly code: DnsLookupErrorCode,
    readonly queriedName: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(`DNS lookup of TXT ${queriedName} failed: ${code}${options?.detail ? ` (${options.detail})` : ""}`, {
      cause: options?.cause,
    });
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

// c-ares only accepts IP addresses as servers; a host name (e.g. a container's
// "dns:53") is resolved once through the system first.
export async function serverAddress(resolver: string, name: string): Promise<string> {
  const { host, port } = parseResolver(resolver, name);
  let address = host;
  if (isIP(host) === 0) {
    try {
      address = (await lookup(host)).address;
    } catch (cause) {
      throw new DnsLookupError("BAD_RESOLVER", name, { cause, detail: `cannot resolve the resolver host "${host}"` });
    }
  }
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

/**
 * The TXT records at `name`, one string per record (a record's character-strings
 * joined, as RFC 7208 reads them). A name that does not exist (NXDOMAIN) or has no TXT
 * records (NODATA) gives `[]`. Anything that prevents an answer (timeout, server
 * failure, refusal) throws DnsLookupError.
 */
export async function lookupTxt(name: string, options: LookupTxtOptions = {}): Promise<string[]> {
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
    const records = await resolver.resolveTxt(name);
    return records.map((chunks) => chunks.join(""));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (!timedOut && (code === "ENOTFOUND" || code === "ENODATA")) return [];
    throw new DnsLookupError(timedOut ? "TIMEOUT" : (ERROR_CODES[code] ?? "LOOKUP_FAILED"), name, {
      cause: error,
      detail: code || undefined,
    });
  } finally {
    clearTimeout(deadline);
  }
}
