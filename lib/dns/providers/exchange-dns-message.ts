// Sends one DNS message and waits for its reply: over UDP, and over TCP when the
// message is too large for a plain UDP datagram, when the UDP reply is truncated (TC)
// or when UDP gets no answer (some networks drop it).
import { createSocket } from "node:dgram";
import { isIP, Socket } from "node:net";

/** RFC 1035's UDP limit for a message sent without EDNS. */
const MAX_UDP_MESSAGE = 512;
const TC_FLAG = 0x0200;
const QR_FLAG = 0x8000;

export type DnsEndpoint = { ip: string; port: number };

export class DnsExchangeError extends Error {
  constructor(
    readonly code: "TIMEOUT" | "CONNECTION_FAILED",
    endpoint: DnsEndpoint,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`DNS server ${endpoint.ip}:${endpoint.port}: ${detail}`, options);
    this.name = "DnsExchangeError";
  }
}

function isReplyTo(message: Buffer, reply: Buffer): boolean {
  return (
    reply.length >= 12 && reply.readUInt16BE(0) === message.readUInt16BE(0) && (reply.readUInt16BE(2) & QR_FLAG) !== 0
  );
}

function overUdp(message: Buffer, endpoint: DnsEndpoint, timeoutMs: number): Promise<Buffer | "timeout"> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIP(endpoint.ip) === 6 ? "udp6" : "udp4");
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.close();
      outcome();
    };
    const timer = setTimeout(() => finish(() => resolve("timeout")), timeoutMs);
    socket.on("error", (cause) =>
      finish(() => reject(new DnsExchangeError("CONNECTION_FAILED", endpoint, cause.message, { cause }))),
    );
    // Anything else arriving on the port (a late reply to another message, a forgery) is ignored.
    socket.on("message", (reply) => {
      if (isReplyTo(message, reply)) finish(() => resolve(reply));
    });
    // Connected, so an ICMP "port unreachable" comes back as ECONNREFUSED instead of a timeout.
    socket.connect(endpoint.port, endpoint.ip, () => socket.send(message));
  });
}

function overTcp(message: Buffer, endpoint: DnsEndpoint, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new DnsExchangeError("TIMEOUT", endpoint, `no answer within ${timeoutMs} ms`))),
      timeoutMs,
    );
    socket.on("error", (cause) =>
      finish(() => reject(new DnsExchangeError("CONNECTION_FAILED", endpoint, cause.message, { cause }))),
    );
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 2) return;
      const length = received.readUInt16BE(0);
      if (received.length < 2 + length) return;
      const reply = received.subarray(2, 2 + length);
      if (isReplyTo(message, reply)) finish(() => resolve(reply));
      else finish(() => reject(new DnsExchangeError("CONNECTION_FAILED", endpoint, "answered another message")));
    });
    socket.on("close", () =>
      finish(() =>
        reject(new DnsExchangeError("CONNECTION_FAILED", endpoint, "closed the connection without an answer")),
      ),
    );
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16BE(message.length);
    socket.connect(endpoint.port, endpoint.ip, () => socket.write(Buffer.concat([prefix, message])));
  });
}

/** The reply to `message` (matched on its ID), or DnsExchangeError. `timeoutMs` bounds each transport. */
export async function exchangeDnsMessage(
  message: Buffer,
  endpoint: DnsEndpoint,
  options: { timeoutMs: number },
): Promise<Buffer> {
  if (message.length <= MAX_UDP_MESSAGE) {
    const reply = await overUdp(message, endpoint, options.timeoutMs);
    if (reply !== "timeout" && (reply.readUInt16BE(2) & TC_FLAG) === 0) return reply;
  }
  return overTcp(message, endpoint, options.timeoutMs);
}
