// Free loopback ports for the test servers. A port found free can be taken by someone
// else before the server binds it; the servers' start functions retry on that.
import { createSocket } from "node:dgram";
import { createServer } from "node:net";

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket("udp4");
    socket.once("error", () => resolve(false));
    socket.bind(port, "127.0.0.1", () => socket.close(() => resolve(true)));
  });
}

/** A loopback port free for TCP and, with `udp`, for UDP too (a DNS server needs both). */
export async function findFreePort(options: { udp?: boolean } = {}): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await freeTcpPort();
    if (!options.udp || (await udpPortIsFree(port))) return port;
  }
  throw new Error("no free loopback port found for a test server");
}
