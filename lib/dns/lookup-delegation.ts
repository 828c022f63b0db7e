// Whether a registrar has delegated a domain, asked where it is decided: the parent
// zone's name servers (for `shop.example` the servers of `example`), for the NS set
// they hand out for the domain. A recursive resolver would answer from its cache, and
// the domain's own servers (ours, once the zone exists) always name themselves.
import { randomInt } from "node:crypto";
import { type DecodedPacket, decode, encode, RECURSION_DESIRED } from "dns-packet";
import { getConfig } from "@/lib/config";
import { DnsLookupError, resolveServerEndpoint } from "@/lib/dns/lookup-txt";
import { findAuthority } from "@/lib/dns/lookup-txt-at-authoritative";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import { DnsExchangeError, exchangeDnsMessage } from "@/lib/dns/providers/exchange-dns-message";

export type DelegationLookupOptions = {
  /**
   * "host:port" of one server to ask instead of the parent's (DNS_RESOLVER when undefined:
   * the demo DNS server, a test's). Null: always find the parent's servers.
   */
  server?: string | null;
  /** "host:port" of the recursive resolver that finds the parent's name servers; default the system's. */
  recursiveResolver?: string;
  /** The port the parent's servers answer on: 53, except in tests. */
  nameserverPort?: number;
  /** Upper bound for each query. Default 5000. */
  timeoutMs?: number;
};

export type DelegationAnswer = {
  /** The parent zone whose servers answered; null when `server` stood in for them. */
  parent: string | null;
  /** "ip:port" of the server that answered. */
  server: string;
  /** The name servers the answer names for the domain, lower-case without the trailing dot; empty: none. */
  nameservers: string[];
};

const DEFAULT_TIMEOUT_MS = 5_000;

/** The labels above the zone's first one: the parent of `shop.example.com` is `example.com`. */
function parentOf(zone: string): string {
  const dot = zone.indexOf(".");
  if (dot < 0) throw new RangeError(`${zone} has no parent zone`);
  return zone.slice(dot + 1);
}

/**
 * NS records for `name` in a reply, read from the answer (a server that is
 * authoritative, or a resolver) or else from the authority section (a referral).
 */
export function delegationNameservers(reply: DecodedPacket, name: string): string[] {
  const matching = (records: DecodedPacket["answers"]) =>
    (records ?? []).flatMap((record) =>
      record.type === "NS" && normalizeDomainName(record.name) === name ? [normalizeDomainName(record.data)] : [],
    );
  const answered = matching(reply.answers);
  return [...new Set(answered.length > 0 ? answered : matching(reply.authorities))].sort();
}

async function askServer(name: string, server: string, timeoutMs: number): Promise<string[]> {
  const endpoint = await resolveServerEndpoint(server, name);
  const query = encode({
    type: "query",
    id: randomInt(0, 0x10000),
    flags: RECURSION_DESIRED,
    questions: [{ type: "NS", name }],
  });
  let reply: DecodedPacket & { rcode?: string };
  try {
    reply = decode(await exchangeDnsMessage(query, endpoint, { timeoutMs }));
  } catch (error) {
    if (error instanceof DnsExchangeError) {
      const code = error.code === "TIMEOUT" ? "TIMEOUT" : "CONNECTION_REFUSED";
      throw new DnsLookupError(code, name, { cause: error, detail: error.message, kind: "NS" });
    }
    throw new DnsLookupError("LOOKUP_FAILED", name, { cause: error, detail: "malformed reply", kind: "NS" });
  }
  switch (reply.rcode) {
    case "NOERROR":
      return delegationNameservers(reply, name);
    case "NXDOMAIN":
      return [];
    case "SERVFAIL":
      throw new DnsLookupError("SERVER_FAILURE", name, { detail: server, kind: "NS" });
    case "REFUSED":
      throw new DnsLookupError("REFUSED", name, { detail: server, kind: "NS" });
    default:
      throw new DnsLookupError("LOOKUP_FAILED", name, { detail: `${server} answered ${reply.rcode}`, kind: "NS" });
  }
}

/**
 * The NS set the parent zone's servers give for `zone`, from the first of them that
 * answers. Throws DnsLookupError when none answers: "could not check", never "not delegated".
 */
export async function lookupDelegation(zone: string, options: DelegationLookupOptions = {}): Promise<DelegationAnswer> {
  const name = normalizeDomainName(zone);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const override = options.server === undefined ? getConfig().dnsResolver : (options.server ?? undefined);
  const authority = override
    ? { zone: null, servers: [override] }
    : await findAuthority(parentOf(name), { ...options, server: null, timeoutMs });
  let lastError: unknown = new DnsLookupError("NO_AUTHORITATIVE_SERVER", name, { kind: "NS" });
  for (const server of authority.servers) {
    try {
      return { parent: authority.zone, server, nameservers: await askServer(name, server, timeoutMs) };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
