// The Content-Security-Policy of every page (proxy.ts sets it with a fresh nonce per
// response). Scripts run only when they carry the nonce, or when a script that does loaded
// them ('strict-dynamic': how Next.js loads its chunks); Next.js puts the nonce on its own
// scripts when it finds it in the request's policy, and the root layout on ours. So markup
// injected into a page cannot run script, inline or from anywhere. Pure.

export function contentSecurityPolicyFor(page: {
  nonce: string;
  nodeEnv: "development" | "production" | "test";
  protocol: "http" | "https";
}): string {
  // Development only: React rebuilds server error stacks with eval, and Turbopack's hot
  // reload talks over a websocket.
  const development = page.nodeEnv === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${page.nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline: Radix positions popovers and Recharts draws with style
    // attributes, and a nonce cannot be put on an attribute. An injected style can change
    // how a page looks, not run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over https, a stray http:// link to our own files is fetched over https; over plain
    // http that would break every file, so it is left out there.
    ...(page.protocol === "https" ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
