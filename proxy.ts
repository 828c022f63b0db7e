import { randomBytes } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { contentSecurityPolicyFor } from "@/lib/http/content-security-policy";
import { isSameOriginRequest } from "@/lib/http/is-same-origin-request";
import { requestProtocolFrom } from "@/lib/http/request-protocol";
import { strictTransportSecurityFor } from "@/lib/http/strict-transport-security";
import { logger } from "@/lib/logger";
import { TC3_ORIGINAL_HOST_HEADER, TC3_ROUTE } from "@/lib/tencent-api/tc3-route";

// Runs for pages (and server action calls, which post to them), not for the JSON routes or
// static files (see the matcher). Authorization stays in the data layer; this gives each
// page its security headers, and turns a cross-site action call into a clear 403 instead
// of Next.js's 500.
export function proxy(request: NextRequest) {
  const apiCall = routeSslApiCall(request);
  if (apiCall) return apiCall;
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

/**
 * The SSL API's SDKs call "/" (the console's home) with X-TC-Action: such a call is rewritten
 * to the API route, with the Host the client signed in a header set here (after a rewrite the
 * route would see the server's own). A direct call to the route is refused, so that header
 * always comes from here. null: not an API call, nothing to do.
 */
function routeSslApiCall(request: NextRequest): NextResponse | null {
  if (request.nextUrl.pathname === TC3_ROUTE) {
    return NextResponse.json({ code: "NOT_FOUND", message: "Not found." }, { status: 404 });
  }
  if (request.nextUrl.pathname !== "/" || !request.headers.has("x-tc-action")) return null;
  const headers = new Headers(request.headers);
  headers.set(TC3_ORIGINAL_HOST_HEADER, request.headers.get("host") ?? "");
  const url = request.nextUrl.clone();
  url.pathname = TC3_ROUTE;
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  matcher: [
    // The SSL API (routeSslApiCall).
    { source: "/", has: [{ type: "header", key: "x-tc-action" }] },
    { source: "/api/tc3" },
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
