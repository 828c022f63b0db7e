import { isIP } from "node:net";
import { getConfig } from "@/lib/config";
import { socketPeerFrom } from "@/lib/http/socket-peer";
import { trustedForwardedEntry } from "@/lib/http/trusted-forwarded-entry";

// The caller's address, for sign-in limits and the audit log. With TRUST_PROXY off (the
// default) it is the socket's peer: X-Forwarded-For is the client's to write (Next.js fills
// it from the socket only when a request has none), so it is not read at all. Behind
// TRUST_PROXY=N proxies it is the Nth entry of X-Forwarded-For from the right.
export function clientIpFrom(headers: Headers): string {
  return clientIpBehind(getConfig().trustProxy, {
    forwardedFor: headers.get("x-forwarded-for"),
    socketAddress: socketPeerFrom(headers).address,
  });
}

/** Pure: the address to believe, or "unknown" when there is none that is an IP address. */
export function clientIpBehind(
  trustedProxies: number,
  request: { forwardedFor: string | null; socketAddress: string | null },
): string {
  const claimed =
    trustedProxies === 0
      ? request.socketAddress
      : (trustedForwardedEntry(request.forwardedFor, trustedProxies) ?? request.socketAddress);
  return normalizeAddress(claimed) ?? "unknown";
}

// One spelling per address, so that limits count it once: a dual-stack socket reports IPv4
// peers as "::ffff:203.0.113.7", and some proxies add the client's port ("203.0.113.7:5123",
// "[2001:db8::1]:5123").
function normalizeAddress(value: string | null): string | null {
  if (!value) return null;
  const address = value
    .trim()
    .replace(/^\[([0-9a-f:.]+)\](?::\d+)?$/i, "$1")
    .replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1")
    .replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1")
    .toLowerCase();
  return isIP(address) ? address : null;
}
