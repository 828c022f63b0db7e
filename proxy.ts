import { randomBytes } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { contentSecurityPolicyFor } from "@/lib/http/content-security-policy";
import { isSameOriginRequest } from "@/lib/http/is-same-origin-request";
import { requestProtocolFrom } from "@/lib/http/request-protocol";
import { strictTransportSecurityFor } from "@/lib/http/strict-transport-security";
import { logger } from "@/lib/logger";

// Runs for pages (and server action calls, which post to them), not for the JSON routes or
// static files (see the matcher). Authorization stays in the data layer; this gives each
// page its security headers, and turns a cross-site action call into a clear 403 instead
// of Next.js's 500.
export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && !isSameOrigin(request)) {
    logger.warn(
      { path: request.nextUrl.pathname, origin: request.headers.get("origin") },
      "cross-site server action call refused",
    );
    return NextResponse.json(
      {
        error: { code: "FORBIDDEN", message: "Cross-site requests are not accepted. Use CertDesk from its own pages." },
      },
      { status: 403 },
    );
  }

  const { nodeEnv } = getConfig();
  const protocol = requestProtocolFrom(request.headers);
  const nonce = randomBytes(16).toString("base64");
  const policy = contentSecurityPolicyFor({ nonce, nodeEnv, protocol });
  // Next.js finds the nonce in the request's policy and puts it on its own scripts; the root
  // layout reads x-nonce for ours. Both replace whatever a client sent under those names.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurityFor({ nodeEnv, protocol });
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

function isSameOrigin(request: NextRequest): boolean {
  return isSameOriginRequest({
    origin: request.headers.get("origin"),
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
  });
}

export const config = {
  matcher: [
    {
      // Every path but the JSON routes (next.config.js gives them a restrictive policy of
      // their own), Next.js's static files and images, and files such as /icon.svg.
      // Prefetches are RSC payloads, not documents: they need no policy.
      source: "/((?!api(?:/|$)|_next/static/|_next/image|.*\\.(?:svg|png|jpe?g|gif|webp|ico|txt|xml|webmanifest)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // A server action call is refused or let through here whatever else it carries.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
