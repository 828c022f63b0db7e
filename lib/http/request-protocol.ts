import { getConfig } from "@/lib/config";
import { socketPeerFrom } from "@/lib/http/socket-peer";
import { trustedForwardedEntry } from "@/lib/http/trusted-forwarded-entry";

// The protocol the client reached CertDesk by, under the same TRUST_PROXY rule as its
// address (lib/http/client-ip.ts): the socket's with TRUST_PROXY off, whatever a client
// writes in X-Forwarded-Proto notwithstanding; behind N proxies, what the outermost one saw.
export function requestProtocolFrom(headers: Headers): "http" | "https" {
  return requestProtocolBehind(getConfig().trustProxy, {
    forwardedProto: headers.get("x-forwarded-proto"),
    socketProtocol: socketPeerFrom(headers).protocol,
  });
}

/** Pure. A request whose protocol nothing vouches for counts as plain http. */
export function requestProtocolBehind(
  trustedProxies: number,
  request: { forwardedProto: string | null; socketProtocol: "http" | "https" | null },
): "http" | "https" {
  const forwarded = trustedForwardedEntry(request.forwardedProto, trustedProxies)?.toLowerCase();
  if (forwarded === "https" || forwarded === "http") return forwarded;
  return request.socketProtocol ?? "http";
}
