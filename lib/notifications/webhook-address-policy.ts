// Server-side request forgery guard for webhooks. CertDesk POSTs to a URL its customer
// chose, from inside the operator's network: without a guard a customer could make it call
// the cloud metadata service, an admin panel or the database port. So a webhook may only
// reach public addresses, checked when the URL is saved (a clear message) and again at
// every delivery, on the very address the connection uses (DNS may have changed since, or
// answer differently on purpose: "DNS rebinding"). Loopback and private addresses are
// allowed only in DEMO_MODE and tests, where the receiver is on the same machine.
// Deployment targets use the same guard with an operator's allow-list of networks instead
// (lib/deploy/deploy-address-policy.ts).
import "server-only";
import { type LookupAddress, lookup } from "node:dns";
import { BlockList, isIP } from "node:net";
import { getConfig } from "@/lib/config";

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64: reaches IPv4 addresses, private ones included
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is on the public internet (IPv4-mapped IPv6 is judged as the IPv4 it maps). */
export function isPublicAddress(address: string): boolean {
  const judged = judgedAddress(address);
  return judged !== null && !blocked.check(judged.address, judged.family);
}

function judgedAddress(address: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 0) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return { address: mapped, family: "ipv4" };
  return { address: bare, family: family === 4 ? "ipv4" : "ipv6" };
}

/**
 * Which addresses that are not public a caller may reach anyway: all of them (`true`:
 * DEMO_MODE, tests), none (`false`), or those in an allow-list of networks.
 */
export type PrivateAddressPermit = boolean | BlockList;

/** Whether a connection to this IP address is allowed: public, or permitted. */
export function isPermittedAddress(address: string, permit: PrivateAddressPermit): boolean {
  if (isPublicAddress(address)) return true;
  if (typeof permit === "boolean") return permit;
  const judged = judgedAddress(address);
  return judged !== null && permit.check(judged.address, judged.family);
}

export function allowsPrivateWebhookAddresses(): boolean {
  const config = getConfig();
  return config.demoMode || config.nodeEnv === "test";
}

export class WebhookAddressError extends Error {
  constructor(readonly problem: "UNRESOLVABLE" | "PRIVATE_ADDRESS") {
    super(
      problem === "PRIVATE_ADDRESS"
        ? "The webhook host resolves to a private, loopback or reserved address"
        : "The webhook host name does not resolve",
    );
    this.name = "WebhookAddressError";
  }
}

/** Resolves the host and refuses it when any address is not public (unless allowed). */
export async function checkWebhookHost(
  hostname: string,
  allowPrivate: PrivateAddressPermit = allowsPrivateWebhookAddresses(),
): Promise<{ ok: true } | { ok: false; problem: "UNRESOLVABLE" | "PRIVATE_ADDRESS" }> {
  const resolved = await resolvePermittedAddresses(hostname, allowPrivate);
  return resolved.ok ? { ok: true } : resolved;
}

/**
 * The host's addresses when every one of them is allowed, for callers that then connect to
 * one of them themselves (so what was checked is what is connected to).
 */
export async function resolvePermittedAddresses(
  hostname: string,
  allowPrivate: PrivateAddressPermit,
): Promise<{ ok: true; addresses: LookupAddress[] } | { ok: false; problem: "UNRESOLVABLE" | "PRIVATE_ADDRESS" }> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  let addresses: LookupAddress[];
  const literal = isIP(bare);
  if (literal) addresses = [{ address: bare, family: literal }];
  else {
    try {
      addresses = await resolveAll(bare);
    } catch {
      return { ok: false, problem: "UNRESOLVABLE" };
    }
  }
  if (addresses.length === 0) return { ok: false, problem: "UNRESOLVABLE" };
  if (addresses.some((entry) => !isPermittedAddress(entry.address, allowPrivate))) {
    return { ok: false, problem: "PRIVATE_ADDRESS" };
  }
  return { ok: true, addresses };
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    lookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that fails the connection when the name resolves to an
 * address that is not allowed, so what is checked is what is connected to.
 */
export function guardedLookup(allowPrivate: PrivateAddressPermit) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    lookup(hostname, { family: options.family ?? 0, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (addresses.length === 0) return callback(new WebhookAddressError("UNRESOLVABLE"), []);
      if (addresses.some((entry) => !isPermittedAddress(entry.address, allowPrivate))) {
        return callback(new WebhookAddressError("PRIVATE_ADDRESS"), []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first?.address ?? "", first?.family);
    });
  };
}
