import "server-only";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { jsonError } from "@/lib/http/json-response";
import { logger } from "@/lib/logger";

export type AdminRouteContext<Params> = { user: SessionUser; params: Params; ip: string; now: Date };

/**
 * The JSON routes under /api/admin: 401 when signed out, 403 for customers, then the
 * handler; an AppError becomes its status and translated message, anything else a
 * logged 500 that leaks nothing.
 */
export function adminRoute<Params = Record<string, never>>(
  handler: (request: Request, context: AdminRouteContext<Params>) => Promise<Response>,
): (request: Request, segment?: { params: Promise<Params> }) => Promise<Response> {
  return async (request, segment) => {
    const t = await getTranslations("errors");
    const user = await getCurrentUser();
    if (!user) return jsonError("UNAUTHENTICATED", t("UNAUTHENTICATED"));
    if (user.role !== "ADMIN") return jsonError("FORBIDDEN", t("FORBIDDEN"));
    try {
      const context = {
        user,
        params: ((await segment?.params) ?? {}) as Params,
        ip: clientIpFrom(request.headers),
        now: await now(),
      };
      return await handler(request, context);
    } catch (error) {
      if (isAppError(error)) return jsonError(error.code, t(error.code));
      logger.error({ err: error, path: new URL(request.url).pathname, userId: user.id }, "admin route failed");
      return Response.json({ code: "UNEXPECTED", message: t("UNEXPECTED") }, { status: 500 });
    }
  };
}
