import { type NextRequest, NextResponse } from "next/server";
import { isSameOriginRequest } from "@/lib/http/is-same-origin-request";
import { logger } from "@/lib/logger";

// Runs only for server action calls (the matcher requires the Next-Action header), so
// pages and routes pay nothing for it. Authorization stays in the data layer; this only
// turns a cross-site action call into a clear 403 instead of Next.js's 500.
export function proxy(request: NextRequest) {
  const sameOrigin = isSameOriginRequest({
    origin: request.headers.get("origin"),
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
  });
  if (request.method === "POST" && !sameOrigin) {
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
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
