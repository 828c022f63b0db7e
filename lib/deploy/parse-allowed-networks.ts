// DEPLOY_ALLOWED_NETWORKS: the private, loopback or reserved networks an operator lets
// deployment targets reach (their own servers on the office network, a test server on
// 127.0.0.1). CIDRs separated by commas or spaces; a bare address means that one address.
// Pure, so the configuration check and its tests share it.
import { BlockList, isIP } from "node:net";

export type AllowedNetwork = { network: string; prefix: number; family: "ipv4" | "ipv6" };

export type ParseAllowedNetworksResult = { ok: true; networks: AllowedNetwork[] } | { ok: false; invalid: string[] };

export function parseAllowedNetworks(text: string | undefined): ParseAllowedNetworksResult {
  const entries = (text ?? "").split(/[\s,]+/).filter(Boolean);
  const networks: AllowedNetwork[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const network = parseNetwork(entry);
    if (network) networks.push(network);
    else invalid.push(entry);
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, networks };
}

function parseNetwork(entry: string): AllowedNetwork | null {
  const match = /^\[?([^/\]]+)\]?(?:\/(\d{1,3}))?$/.exec(entry);
  if (!match?.[1]) return null;
  const address = match[1];
  const version = isIP(address);
  if (version === 0) return null;
  const family = version === 4 ? "ipv4" : "ipv6";
  const maxPrefix = version === 4 ? 32 : 128;
  const prefix = match[2] === undefined ? maxPrefix : Number(match[2]);
  if (prefix > maxPrefix) return null;
  return { network: address, prefix, family };
}

/** The networks as a BlockList (node:net), which is what the address policy checks against. */
export function toAddressList(networks: readonly AllowedNetwork[]): BlockList {
  const list = new BlockList();
  for (const { network, prefix, family } of networks) list.addSubnet(network, prefix, family);
  return list;
}
