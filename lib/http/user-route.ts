import "server-only";
import {
  type GuardedContext,
  type GuardOptions,
  guardRoute,
  type MaybeSchema,
  type RouteSegment,
} from "@/lib/http/guard-route";

export type UserRouteOptions<Query extends MaybeSchema, Params extends MaybeSchema, Body extends MaybeSchema> = Omit<
  GuardOptions<Query, Params, Body>,
  "role" | "sameOriginWrites"
>;
export type UserRouteContext<
  Query extends MaybeSchema,
  Params extends MaybeSchema,
  Body extends MaybeSchema,
> = GuardedContext<Query, Params, Body, Record<string, never>>;

/**
 * The customer JSON routes under /api: the signed-in, enabled user or 401; a POST, PUT,
 * PATCH or DELETE from another site 403 (as server actions are refused by proxy.ts);
 * query, params and body parsed with zod; then the handler, which scopes every query by
 * that user. AppErrors become their translated {code, message}; anything else a logged 500.
 */
export function userRoute<
  Query extends MaybeSchema = undefined,
  Params extends MaybeSchema = undefined,
  Body extends MaybeSchema = undefined,
>(
  options: UserRouteOptions<Query, Params, Body>,
  handler: (request: Request, context: UserRouteContext<Query, Params, Body>) => Promise<Response>,
): (request: Request, segment?: RouteSegment<Params, Record<string, never>>) => Promise<Response> {
  return guardRoute<Record<string, never>, Query, Params, Body>({ ...options, sameOriginWrites: true }, handler);
}
