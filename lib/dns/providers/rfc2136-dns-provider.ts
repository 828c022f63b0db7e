// Any DNS server that takes RFC 2136 dynamic updates signed with a TSIG key: BIND,
// Knot, PowerDNS. Records are added and removed one value at a time, which the
// protocol does atomically on the server; reads are plain queries to the same server.
import { randomInt } from "node:crypto";
import { DnsLookupError, lookupTxt, resolveRecords, resolveServerEndpoint } from "@/lib/dns/lookup-txt";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import { DEFAULT_TXT_TTL, type DnsProvider, DnsProviderError } from "@/lib/dns/providers/dns-provider";
import { DnsExchangeError, exchangeDnsMessage } from "@/lib/dns/providers/exchange-dns-message";
import {
  encodeUpdateMessage,
  MalformedDnsMessageError,
  parseReply,
  RCODE_NAMES,
  signMessage,
  TSIG_ERROR_NAMES,
  type TsigAlgorithm,
  type TsigKey,
  type TxtUpdate,
  verifyReplySignature,
} from "@/lib/dns/providers/rfc2136-message";
import { enclosingZoneNames } from "@/lib/dns/validation-record";

export type Rfc2136Settings = {
  /** "host:port" of the primary server that takes updates (port 53 when omitted). */
  server: string;
  tsigKeyName: string;
  /** The key's secret in base64, as `tsig-keygen`, `keymgr` or PowerDNS print it. */
  tsigSecret: string;
  tsigAlgorithm: TsigAlgorithm;
  /** Upper bound for each query or update, per transport. Default 5000. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 5_000;
const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NOTIMP: 4, REFUSED: 5, NOTAUTH: 9, NOTZONE: 10 } as const;
const TSIG_ERROR = { BADTIME: 18 } as const;

/**
 * `now` is the real time (lib/clock's systemNow): TSIG signatures carry it and the
 * server refuses one more than five minutes off its own clock, so never the demo clock.
 */
export function createRfc2136Provider(settings: Rfc2136Settings, now: () => Date): DnsProvider {
  const key: TsigKey = {
    name: settings.tsigKeyName,
    algorithm: settings.tsigAlgorithm,
    secret: Buffer.from(settings.tsigSecret, "base64"),
  };
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const where = `RFC 2136 server ${settings.server} (TSIG key ${settings.tsigKeyName}, ${settings.tsigAlgorithm})`;

  function lookupFailure(error: unknown): never {
    if (error instanceof DnsLookupError) {
      const code = error.code === "TIMEOUT" || error.code === "CONNECTION_REFUSED" ? "UNREACHABLE" : "SERVER_FAILURE";
      throw new DnsProviderError(code, "rfc2136", `${where}: ${error.message}`, { cause: error });
    }
    throw error;
  }

  /** The zone apex above `fqdn` that the server answers an SOA for. */
  async function findZone(fqdn: string): Promise<string | null> {
    for (const candidate of enclosingZoneNames(fqdn)) {
      try {
        if (await resolveRecords(candidate, "SOA", { resolver: settings.server, timeoutMs })) return candidate;
      } catch (error) {
        // A server that is not authoritative above its zones refuses those names: keep looking down the list.
        if (error instanceof DnsLookupError && error.code === "REFUSED") continue;
        lookupFailure(error);
      }
    }
    return null;
  }

  async function update(zone: string, updates: TxtUpdate[]): Promise<void> {
    const endpoint = await resolveServerEndpoint(settings.server, zone).catch(lookupFailure);
    const message = encodeUpdateMessage({ id: randomInt(0, 0x10000), zone, updates });
    const { signed, mac } = signMessage(message, key, Math.floor(now().getTime() / 1000));
    let buffer: Buffer;
    try {
      buffer = await exchangeDnsMessage(signed, endpoint, { timeoutMs });
    } catch (error) {
      if (error instanceof DnsExchangeError) {
        throw new DnsProviderError("UNREACHABLE", "rfc2136", `${where}: ${error.message}`, { cause: error });
      }
      throw error;
    }
    let reply: ReturnType<typeof parseReply>;
    try {
      reply = parseReply(buffer);
    } catch (error) {
      if (error instanceof MalformedDnsMessageError) {
        throw new DnsProviderError("BAD_RESPONSE", "rfc2136", `${where}: ${error.message}`, { cause: error });
      }
      throw error;
    }
    const rcode = RCODE_NAMES[reply.rcode] ?? `RCODE ${reply.rcode}`;
    const tsigError = reply.tsig?.error ? (TSIG_ERROR_NAMES[reply.tsig.error] ?? `TSIG error ${reply.tsig.error}`) : "";
    const answered = `${where} answered ${rcode}${tsigError ? ` (${tsigError})` : ""} to the update of ${zone}`;
    switch (reply.rcode) {
      case RCODE.NOERROR:
        break;
      case RCODE.REFUSED:
        throw new DnsProviderError(
          "REFUSED",
          "rfc2136",
          `${answered}: the key may not update this zone or this address may not send updates (PowerDNS also refuses an unknown or wrong key; its log says which)`,
        );
      case RCODE.NOTAUTH:
        if (reply.tsig?.error === TSIG_ERROR.BADTIME) {
          throw new DnsProviderError(
            "CLOCK_SKEW",
            "rfc2136",
            `${answered}: this machine's clock and the server's differ by more than 5 minutes`,
          );
        }
        if (reply.tsig?.error) {
          throw new DnsProviderError(
            "UNAUTHORIZED",
            "rfc2136",
            `${answered}: check RFC2136_TSIG_KEY_NAME, RFC2136_TSIG_SECRET and RFC2136_TSIG_ALGORITHM`,
          );
        }
        throw new DnsProviderError(
          "ZONE_NOT_FOUND",
          "rfc2136",
          `${answered}: the server is not authoritative for the zone`,
        );
      case RCODE.NOTZONE:
        throw new DnsProviderError("ZONE_NOT_FOUND", "rfc2136", `${answered}: the name is outside the zone`);
      case RCODE.SERVFAIL:
        throw new DnsProviderError("SERVER_FAILURE", "rfc2136", answered);
      case RCODE.NOTIMP:
        throw new DnsProviderError("UNSUPPORTED", "rfc2136", `${answered}: the server does not take dynamic updates`);
      default:
        throw new DnsProviderError("INVALID_REQUEST", "rfc2136", answered);
    }
    // Only a signed success counts: an unsigned "NOERROR" may be anyone's.
    const check = verifyReplySignature(buffer, reply, key, mac, Math.floor(now().getTime() / 1000));
    if (!check.ok) {
      throw new DnsProviderError(
        check.problem === "CLOCK_SKEW" ? "CLOCK_SKEW" : "BAD_RESPONSE",
        "rfc2136",
        `${where}: the update's NOERROR cannot be trusted: ${check.detail}`,
      );
    }
  }

  async function zoneFor(fqdn: string): Promise<string> {
    const zone = await findZone(fqdn);
    if (!zone) throw new DnsProviderError("ZONE_NOT_FOUND", "rfc2136", `${where} serves no zone containing ${fqdn}`);
    return zone;
  }

  return {
    kind: "rfc2136",
    describe: () => where,

    async createZone(input) {
      throw new DnsProviderError(
        "UNSUPPORTED",
        "rfc2136",
        `RFC 2136 cannot create zones: create ${normalizeDomainName(input.name)} on ${settings.server} and allow the key ${settings.tsigKeyName} to update its TXT records`,
      );
    },

    async zoneExists(name) {
      return (await findZone(name)) === normalizeDomainName(name);
    },

    async deleteZone(name) {
      throw new DnsProviderError(
        "UNSUPPORTED",
        "rfc2136",
        `RFC 2136 cannot delete zones: ${normalizeDomainName(name)} stays on ${settings.server} until its operator deletes it`,
      );
    },

    async addTxt(fqdn, value, ttl = DEFAULT_TXT_TTL) {
      const name = normalizeDomainName(fqdn);
      await update(await zoneFor(name), [{ action: "add", name, value, ttl }]);
    },

    async removeTxt(fqdn, value) {
      const name = normalizeDomainName(fqdn);
      const zone = await findZone(name);
      if (!zone) return;
      await update(zone, [{ action: "delete", name, value }]);
    },

    async listTxt(fqdn) {
      return lookupTxt(normalizeDomainName(fqdn), { resolver: settings.server, timeoutMs }).catch(lookupFailure);
    },
  };
}
