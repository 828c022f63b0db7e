// Test support: the app's real proxy.ts and the SSL API's real route handler behind a real
// HTTP listener on 127.0.0.1, in the test process, so the official SDKs can talk to them over
// a socket. A request goes through proxy() first, exactly as Next.js runs it: its answer is
// returned as it is, except a rewrite, whose target and request-header overrides
// (x-middleware-rewrite, x-middleware-override-headers, x-middleware-request-*) are applied
// the way Next.js applies them before the route runs. Anything proxy() lets through unchanged
// would be a page: answered 404 here. (A `next start` build would take minutes of the 2 cores;
// e2e/tc3-api.spec.ts runs the SDK once against the real production server.)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { SOCKET_ADDRESS_HEADER, SOCKET_PEER_RECORDED, SOCKET_PROTOCOL_HEADER } from "@/lib/http/socket-peer";

type Handler = (request: Request) => Promise<Response>;

export type ApiRouteServer = { port: number; endpoint: string; close: () => Promise<void> };

export async function startApiRouteServer(routes: {
  proxy: (request: NextRequest) => Response | Promise<Response>;
  GET: Handler;
  POST: Handler;
}): Promise<ApiRouteServer> {
  // As lib/http/record-socket-peer.mjs does in the real server: the socket's address, vouched for.
  (globalThis as Record<symbol, unknown>)[SOCKET_PEER_RECORDED] = true;
  const server: Server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing, routes).catch((error: unknown) => {
      outgoing.statusCode = 500;
      outgoing.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    endpoint: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function handle(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  routes: Parameters<typeof startApiRouteServer>[0],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  // What the real server's preload writes over anything a client sent under these names.
  headers.set(SOCKET_ADDRESS_HEADER, incoming.socket.remoteAddress ?? "");
  headers.set(SOCKET_PROTOCOL_HEADER, "http");
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  const url = `http://${incoming.headers.host ?? "localhost"}${incoming.url ?? "/"}`;
  const proxied = await routes.proxy(
    new NextRequest(url, { method: incoming.method, headers, body: hasBody ? body : undefined }),
  );

  let response: Response;
  const rewrite = proxied.headers.get("x-middleware-rewrite");
  if (rewrite) {
    const target = new URL(rewrite);
    const overridden = proxied.headers.get("x-middleware-override-headers");
    const routeHeaders = overridden ? new Headers() : headers;
    for (const name of overridden?.split(",") ?? []) {
      const value = proxied.headers.get(`x-middleware-request-${name}`);
      if (value !== null) routeHeaders.set(name, value);
    }
    const handler = target.pathname === "/api/tc3" ? routes[incoming.method === "GET" ? "GET" : "POST"] : null;
    response = handler
      ? await handler(
          new Request(target, { method: incoming.method, headers: routeHeaders, body: hasBody ? body : undefined }),
        )
      : new Response("no such route in the test server", { status: 404 });
  } else if (proxied.headers.get("x-middleware-next")) {
    response = new Response("a page (not served by the test server)", { status: 404 });
  } else {
    response = proxied;
  }

  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (!name.startsWith("x-middleware-")) outgoing.setHeader(name, value);
  });
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}
