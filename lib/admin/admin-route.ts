import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { guardRoute } from "@/lib/http/guard-route";

export type AdminRouteContext<Params> = { user: SessionUser; params: Params; ip: string; now: Date };

/**
 * The JSON routes under /api/admin: 401 when signed out, 403 for customers, then the
 * handler; an AppError becomes its status and translated message, anything else a
 * logged 500 that leaks nothing. The same guard as the customer routes
 * (lib/http/guard-route.ts). Their writes take JSON only (PUT, DELETE), which no page
 * of another site can send with the admin's cookie, and scripts call them without Origin.
 */
export function adminRoute<Params = Record<string, never>>(
  handler: (request: Request, context: AdminRouteContext<Params>) => Promise<Response>,
): (request: Request, segment?: { params: Promise<Params> }) => Promise<Response> {
  return guardRoute<Params>({ role: "ADMIN" }, handler);
}
