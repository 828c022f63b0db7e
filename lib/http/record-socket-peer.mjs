// Preloaded into the Next.js server process (`node --import`, see scripts/run-app.ts), before
// it opens its port. Next.js gives route handlers, server actions and the proxy only the
// request's headers, never its socket, and fills X-Forwarded-For from the socket only when
// the request has none: a client-sent one is passed on as the client wrote it. So the
// socket's address and protocol are written into headers of our own here, on every request,
// replacing any a client sent under those names. lib/http/socket-peer.ts reads them.
// Plain JavaScript with no imports of the app: Node.js runs it as it is, before Next.js.
import { subscribe } from "node:diagnostics_channel";

subscribe("http.server.request.start", ({ request, socket }) => {
  request.headers["x-certdesk-socket-address"] = socket.remoteAddress ?? "";
  request.headers["x-certdesk-socket-protocol"] = socket.encrypted ? "https" : "http";
});

// Without this mark the headers above could be a client's own: socket-peer.ts ignores them.
globalThis[Symbol.for("certdesk.socket-peer-recorded")] = true;
