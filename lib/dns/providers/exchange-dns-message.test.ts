// The transport's choices against tiny loopback servers that behave as the test needs:
// a truncated UDP answer, a message too large for UDP, a silent UDP port.
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DnsExchangeError, exchangeDnsMessage } from "@/lib/dns/providers/exchange-dns-message";

const TC = 0x0200;
const QR = 0x8000;

function message(id: number, size = 40): Buffer {
  const buffer = Buffer.alloc(size);
  buffer.writeUInt16BE(id, 0);
  buffer.writeUInt16BE(5 << 11, 2);
  return buffer;
}

function replyTo(request: Buffer, flags = 0, marker = 0): Buffer {
  const reply = Buffer.alloc(13);
  request.copy(reply, 0, 0, 2);
  reply.writeUInt16BE(QR | flags, 2);
  reply[12] = marker;
  return reply;
}

type Fake = { port: number; udpRequests: Buffer[]; tcpRequests: Buffer[] };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** UDP and TCP on one port; `udp` decides what UDP sends back (nothing when it returns null). */
async function fakeServer(udp: (request: Buffer) => Buffer[] | null): Promise<Fake> {
  const fake: Fake = { port: 0, udpRequests: [], tcpRequests: [] };
  const tcp: Server = createServer((socket) => {
    socket.on("data", (chunk) => {
      const request = chunk.subarray(2, 2 + chunk.readUInt16BE(0));
      fake.tcpRequests.push(request);
      const reply = replyTo(request, 0, 0x7c);
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(reply.length);
      socket.end(Buffer.concat([prefix, reply]));
    });
  });
  await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
  fake.port = (tcp.address() as { port: number }).port;
  const socket: UdpSocket = createSocket("udp4");
  socket.on("message", (request, from) => {
    fake.udpRequests.push(request);
    for (const reply of udp(request) ?? []) socket.send(reply, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(fake.port, "127.0.0.1", resolve));
  closers.push(
    () => new Promise<void>((resolve) => tcp.close(() => resolve())),
    () => new Promise<void>((resolve) => socket.close(() => resolve())),
  );
  return fake;
}

describe("exchangeDnsMessage", () => {
  it("takes the UDP reply with the message's ID, ignoring others", async () => {
    const fake = await fakeServer((request) => [replyTo(message(0x9999)), replyTo(request, 0, 0x55)]);
    const reply = await exchangeDnsMessage(message(0x1234), { ip: "127.0.0.1", port: fake.port }, { timeoutMs: 1000 });
    expect(reply.readUInt16BE(0)).toBe(0x1234);
    expect(reply[12]).toBe(0x55);
    expect(fake.tcpRequests).toHaveLength(0);
  });

  it("asks again over TCP when the UDP reply is truncated", async () => {
    const fake = await fakeServer((request) => [replyTo(request, TC)]);
    const reply = await exchangeDnsMessage(message(0x2222), { ip: "127.0.0.1", port: fake.port }, { timeoutMs: 1000 });
    expect(reply[12]).toBe(0x7c);
    expect(fake.udpRequests).toHaveLength(1);
    expect(fake.tcpRequests.map((request) => request.readUInt16BE(0))).toEqual([0x2222]);
  });

  it("sends a message larger than 512 bytes over TCP only", async () => {
    const fake = await fakeServer((request) => [replyTo(request)]);
    const big = message(0x3333, 700);
    const reply = await exchangeDnsMessage(big, { ip: "127.0.0.1", port: fake.port }, { timeoutMs: 1000 });
    expect(reply[12]).toBe(0x7c);
    expect(fake.udpRequests).toHaveLength(0);
    expect(fake.tcpRequests[0]?.length).toBe(700);
  });

  it("falls back to TCP when UDP gets no answer", async () => {
    const fake = await fakeServer(() => null);
    const reply = await exchangeDnsMessage(message(0x4444), { ip: "127.0.0.1", port: fake.port }, { timeoutMs: 200 });
    expect(reply[12]).toBe(0x7c);
    expect(fake.udpRequests).toHaveLength(1);
  });

  it("fails with CONNECTION_FAILED when nothing listens", async () => {
    const fake = await fakeServer(() => null);
    const port = fake.port;
    for (const close of closers.splice(0)) await close();
    const error = await exchangeDnsMessage(message(1), { ip: "127.0.0.1", port }, { timeoutMs: 300 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DnsExchangeError);
    expect((error as DnsExchangeError).code).toBe("CONNECTION_FAILED");
  });
});
