// The DNS server CertDesk writes hosted zones and validation records into: PowerDNS
// over its HTTP API, any RFC 2136 server with a TSIG key, or the demo DNS (rows in
// PostgreSQL). Callers see one interface; which one runs is DNS_PROVIDER.

export type DnsProviderKind = "demo" | "powerdns" | "rfc2136";

/** TTL of a validation record unless the caller says otherwise: short, so a corrected value is seen soon. */
export const DEFAULT_TXT_TTL = 60;

export type CreateZoneInput = {
  /** The zone's apex, e.g. `example-shop.com`. */
  name: string;
  /** Host names of the zone's name servers (HOSTED_ZONE_NAMESERVERS): what the customer sets at the registrar. */
  nameservers: readonly string[];
  /**
   * The customer the zone belongs to (null: the operator's validation zone). Only the demo
   * provider, whose zones are database rows, keeps it; a real DNS server knows nothing of accounts.
   */
  ownerId: string | null;
};

export interface DnsProvider {
  readonly kind: DnsProviderKind;
  /** For logs and the admin dashboard: the kind and the server, never a key or secret. */
  describe(): string;
  /**
   * Creates the zone (NS records and an SOA naming the first name server). `created`
   * is false when a zone of that name was already there, which is not an error here:
   * whose zone it is stays the caller's business.
   */
  createZone(input: CreateZoneInput): Promise<{ created: boolean }>;
  zoneExists(name: string): Promise<boolean>;
  /**
   * Deletes the zone with its records; `deleted` is false when there was no such zone.
   * RFC 2136 cannot (UNSUPPORTED): its zones are the operator's to delete.
   */
  deleteZone(name: string): Promise<{ deleted: boolean }>;
  /**
   * Adds one TXT value at `fqdn` in the zone that contains it, keeping the values already
   * there (an apex and its wildcard share `_acme-challenge.<apex>` with two values).
   * Adding a value that is there already changes nothing.
   */
  addTxt(fqdn: string, value: string, ttl?: number): Promise<void>;
  /** Removes that one value; the other values at the name stay. Removing an absent value is fine. */
  removeTxt(fqdn: string, value: string): Promise<void>;
  /** The TXT values at `fqdn` as the server holds them (the pre-check asks DNS, not this). */
  listTxt(fqdn: string): Promise<string[]>;
}

export type DnsProviderErrorCode =
  /** The server could not be reached or did not answer in time. */
  | "UNREACHABLE"
  /** The server answered but failed (HTTP 5xx, SERVFAIL). */
  | "SERVER_FAILURE"
  /** The credentials were refused: a wrong API key, an unknown or wrong TSIG key, a TSIG signature the server rejects. */
  | "UNAUTHORIZED"
  /** The server refused the update (RFC 2136 REFUSED: updates not allowed for this key or client; PowerDNS also says this for a wrong key). */
  | "REFUSED"
  /** The TSIG times differ by more than the fudge: a clock is wrong. */
  | "CLOCK_SKEW"
  /** No zone on the server contains the name. */
  | "ZONE_NOT_FOUND"
  /** The API path does not exist: a wrong POWERDNS_API_URL or POWERDNS_SERVER_ID. */
  | "NOT_FOUND"
  /** The server rejected the record or zone as invalid (PowerDNS 422, RFC 2136 FORMERR). */
  | "INVALID_REQUEST"
  /** The answer was not what the protocol promises (unsigned or badly signed reply, malformed message). */
  | "BAD_RESPONSE"
  /** This provider cannot do that (RFC 2136 cannot create zones). */
  | "UNSUPPORTED";

const TRANSIENT: ReadonlySet<DnsProviderErrorCode> = new Set(["UNREACHABLE", "SERVER_FAILURE"]);

/** A DNS provider operation failed; nothing is known to have been written unless the code says so. */
export class DnsProviderError extends Error {
  constructor(
    readonly code: DnsProviderErrorCode,
    readonly provider: DnsProviderKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${provider}: ${message}`, options);
    this.name = "DnsProviderError";
  }

  /** Whether trying the same operation later may succeed without anyone changing a setting. */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

export function isDnsProviderError(error: unknown): error is DnsProviderError {
  return error instanceof DnsProviderError;
}
