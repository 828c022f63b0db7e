// The pre-check before an ACME challenge is answered: the CA will ask the zone's
// authoritative servers, so we ask them too, directly. A caching resolver can still hold
// the NXDOMAIN from before the record was added (cert-manager's "propagation check
// failed"), and answering the challenge while any authoritative server lacks the record
// can kill the whole order at the CA.
import { isIP } from "node:net";
import { getConfig } from "@/lib/config";
import { DnsLookupError, lookupTxt, resolveRecords } from "@/lib/dns/lookup-txt";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import { enclosingZoneNames } from "@/lib/dns/validation-record";

export type AuthoritativeLookupOptions = {
  /**
   * "host:port" of one server to treat as authoritative for every name, skipping the
   * search for the zone's name servers: the demo DNS server in `npm run dev`, PowerDNS in
   * tests. Undefined: DNS_RESOLVER when it is set. Null: always search (tests of the search).
   */
  server?: string | null;
  /** "host:port" of the recursive resolver that finds the zone's NS records and their addresses; default the system's. */
  recursiveResolver?: string;
  /** The port the authoritative servers answer on: 53, except in tests. */
  nameserverPort?: number;
  /** Upper bound for each query. Default 5000. */
  timeoutMs?: number;
};

export type AuthoritativeTxtAnswer = {
  /** Where the TXT records were read: the name asked for, or the end of its CNAME chain. */
  name: string;
  /** The names whose CNAME was followed, in order (empty without delegation). */
  cnames: string[];
  /** The zone whose servers answered; null when `server` stood in for them. */
  zone: string | null;
  /** "ip:port" of every server asked for the TXT records. */
  servers: string[];
  /** Servers that gave no answer (timeout, failure); their silence does not count as "absent". */
  unansweredServers: string[];
  /**
   * The TXT values every answering server returned: a value that only some of them
   * serve yet is not in place, since the CA may ask any of them.
   */
  values: string[];
};

const MAX_CNAME_HOPS = 8;
const DEFAULT_NAMESERVER_PORT = 53;

function endpoint(ip: string, port: number): string {
  return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export type ZoneAuthority = {
  /** The zone whose servers these are; null when `server` stood in for them. */
  zone: string | null;
  /** "ip:port" of each of its name servers. */
  servers: string[];
};
type Authority = ZoneAuthority;

/** `options.server`, else DNS_RESOLVER, as the one server to ask; undefined: search. */
function overrideServer(options: AuthoritativeLookupOptions): string | undefined {
  return options.server === undefined ? getConfig().dnsResolver : (options.server ?? undefined);
}

/**
 * The closest enclosing zone of `name` (itself included) that has NS records, and the
 * addresses of those servers, found through the recursive resolver. Throws DnsLookupError
 * NO_AUTHORITATIVE_SERVER when no zone above the name has any.
 */
export async function findAuthority(name: string, options: AuthoritativeLookupOptions): Promise<ZoneAuthority> {
  const recursive = { resolver: options.recursiveResolver, timeoutMs: options.timeoutMs };
  const port = options.nameserverPort ?? DEFAULT_NAMESERVER_PORT;
  for (const candidate of enclosingZoneNames(name)) {
    const nameservers = await resolveRecords(candidate, "NS", recursive);
    if (!nameservers || nameservers.length === 0) continue;
    const addresses = await Promise.all(
      nameservers.map(async (host) => {
        if (isIP(host) !== 0) return [host];
        const [v4, v6] = await Promise.allSettled([
          resolveRecords(host, "A", recursive),
          resolveRecords(host, "AAAA", recursive),
        ]);
        return [v4, v6].flatMap((result) => (result.status === "fulfilled" ? (result.value ?? []) : []));
      }),
    );
    const servers = [...new Set(addresses.flat())].map((ip) => endpoint(ip, port));
    if (servers.length === 0) {
      throw new DnsLookupError("NO_AUTHORITATIVE_SERVER", name, {
        detail: `no address for the name servers of ${candidate} (${nameservers.join(", ")})`,
      });
    }
    return { zone: candidate, servers };
  }
  throw new DnsLookupError("NO_AUTHORITATIVE_SERVER", name, { detail: "no zone above the name has NS records" });
}

/** The CNAME target at `name` from the first server that answers, or null. */
async function cnameAt(name: string, authority: Authority, timeoutMs: number | undefined): Promise<string | null> {
  let lastError: unknown = new DnsLookupError("NO_AUTHORITATIVE_SERVER", name);
  for (const server of authority.servers) {
    try {
      const targets = await resolveRecords(name, "CNAME", { resolver: server, timeoutMs });
      return targets?.[0] ? normalizeDomainName(targets[0]) : null;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * The CNAME target at `fqdn` as its zone's authoritative servers (or the override server)
 * answer, lower-case without the trailing dot; null when the name has no CNAME. One hop:
 * the target is not followed.
 */
export async function lookupCnameAtAuthoritative(
  fqdn: string,
  options: AuthoritativeLookupOptions = {},
): Promise<string | null> {
  const name = normalizeDomainName(fqdn);
  const override = overrideServer(options);
  const authority: Authority = override ? { zone: null, servers: [override] } : await findAuthority(name, options);
  return cnameAt(name, authority, options.timeoutMs);
}

/**
 * The TXT values at `fqdn` as the zone's authoritative servers serve them right now.
 * Follows a CNAME at the name (the `_acme-challenge` delegation to an operator's
 * validation zone), as CAs do. Throws DnsLookupError when no authoritative server
 * answers: "could not check", never "absent".
 */
export async function lookupTxtAtAuthoritative(
  fqdn: string,
  options: AuthoritativeLookupOptions = {},
): Promise<AuthoritativeTxtAnswer> {
  const override = overrideServer(options);
  const cnames: string[] = [];
  let name = normalizeDomainName(fqdn);
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const authority: Authority = override ? { zone: null, servers: [override] } : await findAuthority(name, options);
    const target = await cnameAt(name, authority, options.timeoutMs);
    if (target) {
      if (target === name || cnames.includes(target)) break;
      cnames.push(name);
      name = target;
      continue;
    }
    const answers = await Promise.allSettled(
      authority.servers.map((server) => lookupTxt(name, { resolver: server, timeoutMs: options.timeoutMs })),
    );
    const answered = answers.flatMap((answer) => (answer.status === "fulfilled" ? [answer.value] : []));
    const firstFailure = answers.find((answer) => answer.status === "rejected");
    if (answered.length === 0) throw firstFailure?.reason ?? new DnsLookupError("NO_AUTHORITATIVE_SERVER", name);
    const [first = [], ...others] = answered;
    const values = [...new Set(first)].filter((value) => others.every((other) => other.includes(value)));
    return {
      name,
      cnames,
      zone: authority.zone,
      servers: authority.servers,
      unansweredServers: authority.servers.filter((_, index) => answers[index]?.status === "rejected"),
      values,
    };
  }
  throw new DnsLookupError("CNAME_LOOP", fqdn, { detail: [...cnames, name].join(" → ") });
}
