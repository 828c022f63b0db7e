// The TCP peer of a request, as lib/http/record-socket-peer.mjs wrote it into the request's
// headers. In a process where that preload did not run (`next start` started by hand, tests)
// nothing vouches for those headers, so they are not read: the peer is unknown.

export const SOCKET_ADDRESS_HEADER = "x-certdesk-socket-address";
export const SOCKET_PROTOCOL_HEADER = "x-certdesk-socket-protocol";
/** Set on globalThis by the preload; tests that stand in for it set it too. */
export const SOCKET_PEER_RECORDED = Symbol.for("certdesk.socket-peer-recorded");

export type SocketPeer = { address: string | null; protocol: "http" | "https" | null };

/** True when this process records every request's socket peer (the preload ran). */
export function isSocketPeerRecorded(): boolean {
  return (globalThis as Record<symbol, unknown>)[SOCKET_PEER_RECORDED] === true;
}

export function socketPeerFrom(headers: Headers): SocketPeer {
  if (!isSocketPeerRecorded()) return { address: null, protocol: null };
  const protocol = headers.get(SOCKET_PROTOCOL_HEADER);
  return {
    address: headers.get(SOCKET_ADDRESS_HEADER) || null,
    protocol: protocol === "https" || protocol === "http" ? protocol : null,
  };
}
