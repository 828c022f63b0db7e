// PowerDNS Authoritative through its HTTP API (plain fetch, X-API-Key). The API can
// only replace a whole RRset (name + type), so adding or removing one TXT value reads
// the RRset and writes it back with the other values kept; writes to one name are
// queued within the process. Two CertDesk processes writing the same name at the same
// instant could still drop a value: the pre-check before answering a challenge sees
// it missing and the record is added again.

import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import {
  type CreateZoneInput,
  DEFAULT_TXT_TTL,
  type DnsProvider,
  DnsProviderError,
  type DnsProviderErrorCode,
} from "@/lib/dns/providers/dns-provider";
import { createKeyedQueue } from "@/lib/dns/providers/serialize-by-key";
import { enclosingZoneNames } from "@/lib/dns/validation-record";

export type PowerDnsSettings = {
  /** The API's base, e.g. `http://127.0.0.1:8081` (`/api/v1` is added when missing). */
  apiUrl: string;
  apiKey: string;
  /** PowerDNS's server id, `localhost` unless the operator changed it. */
  serverId: string;
  /** Upper bound for each API request. Default 10000. */
  timeoutMs?: number;
};

type PowerDnsRecord = { content: string; disabled: boolean };
type PowerDnsRrset = { name: string; type: string; ttl: number; records: PowerDnsRecord[] };
type PowerDnsZoneSummary = { id: string; name: string };
type ZoneRef = { id: string; name: string };

const DEFAULT_TIMEOUT_MS = 10_000;
/** SOA timers of a new zone; the last (negative-caching TTL) is short so a new record is seen soon after an NXDOMAIN. */
const SOA_TIMERS = "1 10800 3600 604800 60";
const MAX_CHARACTER_STRING = 255;

function absolute(name: string): string {
  return `${normalizeDomainName(name)}.`;
}

/**
 * A TXT value as PowerDNS's `content` field wants it: quoted, with `"` and `\` escaped,
 * and split into several character-strings when longer than 255 bytes.
 */
export function quoteTxtContent(value: string): string {
  const bytes = Buffer.from(value, "utf8");
  const parts: string[] = [];
  let start = 0;
  do {
    let end = Math.min(start + MAX_CHARACTER_STRING, bytes.length);
    // Never split inside a UTF-8 sequence.
    while (end < bytes.length && end > start + 1 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
    parts.push(bytes.subarray(start, end).toString("utf8"));
    start = end;
  } while (start < bytes.length);
  return parts.map((part) => `"${part.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(" ");
}

/**
 * The value of a TXT `content` from PowerDNS: its quoted strings unescaped (`\"`, `\\`,
 * `\DDD` decimal bytes) and joined.
 */
export function parseTxtContent(content: string): string {
  const strings = content.match(/"(?:[^"\\]|\\.)*"/g);
  if (!strings) return content;
  const bytes: number[] = [];
  for (const quoted of strings) {
    const inner = Buffer.from(quoted.slice(1, -1), "utf8");
    for (let index = 0; index < inner.length; index++) {
      const byte = inner[index] ?? 0;
      if (byte !== 0x5c) {
        bytes.push(byte);
        continue;
      }
      const digits = inner.subarray(index + 1, index + 4).toString("latin1");
      if (/^\d{3}$/.test(digits)) {
        bytes.push(Number(digits));
        index += 3;
      } else {
        bytes.push(inner[index + 1] ?? 0x5c);
        index += 1;
      }
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function apiBase(apiUrl: string, serverId: string): string {
  const trimmed = apiUrl.trim().replace(/\/+$/, "");
  const root = trimmed.endsWith("/api/v1") ? trimmed : `${trimmed}/api/v1`;
  return `${root}/servers/${encodeURIComponent(serverId)}`;
}

const STATUS_CODES: Record<number, DnsProviderErrorCode> = {
  400: "INVALID_REQUEST",
  401: "UNAUTHORIZED",
  403: "UNAUTHORIZED",
  404: "NOT_FOUND",
  422: "INVALID_REQUEST",
};

async function errorText(response: Response): Promise<string> {
  const text = (await response.text()).trim();
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && "error" in parsed && typeof parsed.error === "string") {
      return parsed.error;
    }
  } catch {
    // Not JSON: PowerDNS answers 401 and 404 with a plain-text reason.
  }
  return text.slice(0, 300) || response.statusText;
}

export function createPowerDnsProvider(settings: PowerDnsSettings): DnsProvider {
  const base = apiBase(settings.apiUrl, settings.serverId);
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const queue = createKeyedQueue();
  const where = `PowerDNS API at ${new URL(settings.apiUrl).origin} (server ${settings.serverId})`;

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          "X-API-Key": settings.apiKey,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const reason =
        cause instanceof Error && cause.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : "cannot connect";
      throw new DnsProviderError("UNREACHABLE", "powerdns", `${where}: ${reason}`, { cause });
    }
    if (response.ok || response.status === 409) return response;
    const detail = await errorText(response);
    const code = STATUS_CODES[response.status] ?? (response.status >= 500 ? "SERVER_FAILURE" : "INVALID_REQUEST");
    const hint =
      code === "UNAUTHORIZED"
        ? "; check POWERDNS_API_KEY (the api-key in pdns.conf)"
        : code === "NOT_FOUND"
          ? "; check POWERDNS_API_URL and POWERDNS_SERVER_ID"
          : "";
    throw new DnsProviderError(
      code,
      "powerdns",
      `${where}: ${method} ${path} answered ${response.status} ${detail}${hint}`,
    );
  }

  async function findZone(fqdn: string): Promise<ZoneRef | null> {
    for (const candidate of enclosingZoneNames(fqdn)) {
      const response = await call("GET", `/zones?zone=${encodeURIComponent(`${candidate}.`)}`);
      const zones = (await response.json()) as PowerDnsZoneSummary[];
      const zone = zones.find((entry) => entry.name.toLowerCase() === `${candidate}.`);
      if (zone) return { id: zone.id, name: zone.name };
    }
    return null;
  }

  async function readTxt(zone: ZoneRef, name: string): Promise<PowerDnsRrset | null> {
    const query = `rrset_name=${encodeURIComponent(name)}&rrset_type=TXT`;
    const response = await call("GET", `/zones/${encodeURIComponent(zone.id)}?${query}`);
    const body = (await response.json()) as { rrsets?: PowerDnsRrset[] };
    return body.rrsets?.find((rrset) => rrset.type === "TXT" && rrset.name.toLowerCase() === name) ?? null;
  }

  async function writeTxt(zone: ZoneRef, name: string, ttl: number, records: PowerDnsRecord[]): Promise<void> {
    const rrset =
      records.length === 0
        ? { name, type: "TXT", changetype: "DELETE" }
        : { name, type: "TXT", ttl, changetype: "REPLACE", records };
    await call("PATCH", `/zones/${encodeURIComponent(zone.id)}`, { rrsets: [rrset] });
  }

  return {
    kind: "powerdns",
    describe: () => where,

    async createZone(input: CreateZoneInput) {
      const zone = absolute(input.name);
      const nameservers = input.nameservers.map(absolute);
      const [primary] = nameservers;
      if (!primary) throw new DnsProviderError("INVALID_REQUEST", "powerdns", `${zone} needs at least one name server`);
      const response = await call("POST", "/zones", {
        name: zone,
        kind: "Native",
        nameservers,
        soa_edit_api: "DEFAULT",
        rrsets: [
          {
            name: zone,
            type: "SOA",
            ttl: 3600,
            records: [{ content: `${primary} hostmaster.${zone} ${SOA_TIMERS}`, disabled: false }],
          },
        ],
      });
      return { created: response.status !== 409 };
    },

    async zoneExists(name) {
      const zone = absolute(name);
      const response = await call("GET", `/zones?zone=${encodeURIComponent(zone)}`);
      const zones = (await response.json()) as PowerDnsZoneSummary[];
      return zones.some((entry) => entry.name.toLowerCase() === zone);
    },

    async deleteZone(name) {
      const zone = absolute(name);
      const response = await call("GET", `/zones?zone=${encodeURIComponent(zone)}`);
      const found = ((await response.json()) as PowerDnsZoneSummary[]).find(
        (entry) => entry.name.toLowerCase() === zone,
      );
      if (!found) return { deleted: false };
      await call("DELETE", `/zones/${encodeURIComponent(found.id)}`);
      return { deleted: true };
    },

    async addTxt(fqdn, value, ttl = DEFAULT_TXT_TTL) {
      const name = absolute(fqdn);
      const zone = await findZone(fqdn);
      if (!zone) throw new DnsProviderError("ZONE_NOT_FOUND", "powerdns", `${where} has no zone containing ${name}`);
      const content = quoteTxtContent(value);
      await queue(`${zone.id} ${name}`, async () => {
        const current = (await readTxt(zone, name))?.records ?? [];
        if (current.some((record) => parseTxtContent(record.content) === value)) return;
        await writeTxt(zone, name, ttl, [...current, { content, disabled: false }]);
      });
    },

    async removeTxt(fqdn, value) {
      const name = absolute(fqdn);
      const zone = await findZone(fqdn);
      if (!zone) return;
      await queue(`${zone.id} ${name}`, async () => {
        const rrset = await readTxt(zone, name);
        if (!rrset) return;
        const kept = rrset.records.filter((record) => parseTxtContent(record.content) !== value);
        if (kept.length === rrset.records.length) return;
        await writeTxt(zone, name, rrset.ttl, kept);
      });
    },

    async listTxt(fqdn) {
      const name = absolute(fqdn);
      const zone = await findZone(fqdn);
      if (!zone) return [];
      const rrset = await readTxt(zone, name);
      return (rrset?.records ?? [])
        .filter((record) => !record.disabled)
        .map((record) => parseTxtContent(record.content));
    },
  };
}
