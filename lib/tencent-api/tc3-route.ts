// Where the SSL API lives inside the app (proxy.ts rewrites the SDKs' `/` there), and the
// header that carries the Host the client signed. No imports: proxy.ts bundles this.
export const TC3_ROUTE = "/api/tc3";
/**
 * After a rewrite the route sees the server's own Host; proxy.ts puts the client's here, on
 * every request it rewrites, and refuses direct calls to TC3_ROUTE, so no client can set it.
 */
export const TC3_ORIGINAL_HOST_HEADER = "x-certdesk-original-host";
