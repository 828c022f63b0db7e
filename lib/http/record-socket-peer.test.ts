// The preload and its reader, together on a real HTTP server: a request that claims a
// socket address in our header, or in X-Forwarded-For, is read with the one it came from.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SOCKET_ADDRESS_HEADER,
  SOCKET_PEER_RECORDED,
  SOCKET_PROTOCOL_HEADER,
  socketPeerFrom,
} from "@/lib/http/socket-peer";

let received: Headers | undefined;
const server = createServer((req, res) => {
  received = new Headers(Object.entries(req.headers).map(([name, value]): [string, string] => [name, String(value)]));
  res.end();
});
let port = 0;

beforeAll(async () => {
  // A path the type checker does not follow: the preload is plain JavaScript.
  const preload = path.join(import.meta.dirname, "record-socket-peer.mjs");
  await import(preload);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  delete (globalThis as Record<symbol, unknown>)[SOCKET_PEER_RECORDED];
});

function send(headers: Record<string, string>): Promise<Headers> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, headers }, (res) => {
      res.resume();
      res.on("end", () => (received ? resolve(received) : reject(new Error("no request arrived"))));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("record-socket-peer.mjs", () => {
  it("writes the socket's address and protocol over whatever the client sent under those names", async () => {
    const headers = await send({
      [SOCKET_ADDRESS_HEADER]: "198.51.100.1",
      [SOCKET_PROTOCOL_HEADER]: "https",
      "x-forwarded-for": "198.51.100.2",
    });
    expect(socketPeerFrom(headers)).toEqual({ address: "127.0.0.1", protocol: "http" });
    // X-Forwarded-For is left as the client wrote it: it is not ours to correct.
    expect(headers.get("x-forwarded-for")).toBe("198.51.100.2");
  });
});
