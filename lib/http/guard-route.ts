import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { describeAppError } from "@/lib/actions/authed-action";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { type AppErrorCode, ERROR_STATUS, isAppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { isSameOriginRequest } from "@/lib/http/is-same-origin-request";
import { type FieldsFailure, readRequestFields } from "@/lib/http/read-request-fields";
import { type ErrorsTranslator, translateFieldIssues } from "@/lib/http/translate-field-issues";
import { logger } from "@/lib/logger";
import { firstValues } from "@/lib/url/search-params";

type Schema = z.core.$ZodType;
type MaybeSchema = Schema | undefined;
type Output<S, Otherwise> = S extends Schema ? z.output<S> : Otherwise;

/** Why a route could not use the body it was sent. */
export type { MaybeSchema };
export type BodyFailure = FieldsFailure | { kind: "INVALID"; issues: z.core.$ZodIssue[] };

export type GuardOptions<Query extends MaybeSchema, Params extends MaybeSchema, Body extends MaybeSchema> = {
  /** "ADMIN": customers are refused with 403. */
  role?: "ADMIN";
  /** The URL's query (first value of each parameter), parsed; refused with 400 and translated field errors. */
  query?: Query;
  /** The path's dynamic segments, parsed; a segment that cannot name anything is 404. */
  params?: Params;
  /** A JSON or form body of at most maxBytes, parsed; `refuse` answers in the route's own shape. */
  body?: {
    schema: NonNullable<Body>;
    maxBytes: number;
    refuse?: (failure: BodyFailure) => Response | Promise<Response>;
  };
  /** Refuse POST, PUT, PATCH and DELETE whose Origin is not this host (403), as the server actions are. */
  sameOriginWrites?: boolean;
  /** The error's message may quote what was sent (a private key): log only its type and stack frames. */
  redactErrorMessages?: boolean;
};

export type GuardedContext<
  Query extends MaybeSchema,
  Params extends MaybeSchema,
  Body extends MaybeSchema,
  RawParams,
> = {
  user: SessionUser;
  query: Output<Query, undefined>;
  params: Output<Params, RawParams>;
  body: Output<Body, undefined>;
  ip: string;
  now: Date;
};

export type RouteSegment<Params extends MaybeSchema, RawParams> = {
  params: Promise<Params extends Schema ? z.input<Params> : RawParams>;
};

const READ_ONLY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The one body of a refused or failed call: a stable code, a translated message, the code's status. */
export function errorResponse(code: AppErrorCode, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ code, message, ...extra }, { status: ERROR_STATUS[code] });
}

/**
 * What every JSON route handler shares, whoever may call it (lib/admin/admin-route.ts,
 * lib/http/user-route.ts): the cross-site refusal, the caller (401 signed out or
 * disabled, 403 for the wrong role), zod-parsed query, params and body, and one catch:
 * an AppError becomes its status and translated message, anything else a logged 500
 * that says nothing of what went wrong. Nothing a caller sent is ever logged.
 */
export function guardRoute<
  RawParams = Record<string, never>,
  Query extends MaybeSchema = undefined,
  Params extends MaybeSchema = undefined,
  Body extends MaybeSchema = undefined,
>(
  options: GuardOptions<Query, Params, Body>,
  handler: (request: Request, context: GuardedContext<Query, Params, Body, RawParams>) => Promise<Response>,
): (request: Request, segment?: RouteSegment<Params, RawParams>) => Promise<Response> {
  return async (request, segment) => {
    const t: ErrorsTranslator = await getTranslations("errors");
    const path = new URL(request.url).pathname;
    if (options.sameOriginWrites && !READ_ONLY_METHODS.has(request.method) && !isSameOrigin(request)) {
      logger.warn({ path, method: request.method, origin: request.headers.get("origin") }, "cross-site call refused");
      return errorResponse("FORBIDDEN", t("crossSiteRequest"));
    }
    const user = await getCurrentUser();
    if (!user) return errorResponse("UNAUTHENTICATED", t("UNAUTHENTICATED"));
    if (options.role === "ADMIN" && user.role !== "ADMIN") return errorResponse("FORBIDDEN", t("FORBIDDEN"));
    try {
      const rawParams = (await segment?.params) ?? {};
      let params: unknown = rawParams;
      if (options.params) {
        const parsed = z.safeParse(options.params, rawParams);
        if (!parsed.success) return errorResponse("NOT_FOUND", t("NOT_FOUND"));
        params = parsed.data;
      }
      let query: unknown;
      if (options.query) {
        const parsed = z.safeParse(options.query, firstValues(new URL(request.url).searchParams), {
          reportInput: true,
        });
        if (!parsed.success) return invalidInput(t, parsed.error.issues);
        query = parsed.data;
      }
      let body: unknown;
      if (options.body) {
        const { schema, maxBytes, refuse } = options.body;
        const read = await readRequestFields(request, maxBytes);
        const parsed = read.ok ? z.safeParse(schema, read.fields, { reportInput: true }) : null;
        if (!read.ok || !parsed?.success) {
          const failure: BodyFailure = read.ok
            ? { kind: "INVALID", issues: parsed?.error?.issues ?? [] }
            : read.failure;
          return refuse ? await refuse(failure) : refuseBody(t, failure);
        }
        body = parsed.data;
      }
      const context = { user, params, query, body, ip: clientIpFrom(request.headers), now: await now() };
      return await handler(request, context as GuardedContext<Query, Params, Body, RawParams>);
    } catch (error) {
      if (isAppError(error)) {
        // The details (e.g. the missing amount) as server actions give them, for a client to act on.
        const details = Object.keys(error.details).length > 0 ? { details: error.details } : {};
        return errorResponse(error.code, await describeAppError(error.code, error.details), details);
      }
      const err = options.redactErrorMessages ? withoutMessage(error) : error;
      logger.error({ err, path, method: request.method, userId: user.id }, "route handler failed");
      return Response.json({ code: "UNEXPECTED", message: t("UNEXPECTED") }, { status: 500 });
    }
  };
}

function isSameOrigin(request: Request): boolean {
  return isSameOriginRequest({
    origin: request.headers.get("origin"),
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
  });
}

function invalidInput(t: ErrorsTranslator, issues: z.core.$ZodIssue[]): Response {
  return errorResponse("INVALID_INPUT", t("INVALID_INPUT"), { fieldErrors: translateFieldIssues(issues, t) });
}

function refuseBody(t: ErrorsTranslator, failure: BodyFailure): Response {
  switch (failure.kind) {
    case "TOO_LARGE":
      return Response.json(
        { code: "INVALID_INPUT", message: t("bodyTooLarge", { maxKiB: Math.floor(failure.maxBytes / 1024) }) },
        { status: 413 },
      );
    case "UNSUPPORTED_TYPE":
      return Response.json({ code: "INVALID_INPUT", message: t("bodyMalformed") }, { status: 415 });
    case "MALFORMED":
      return errorResponse("INVALID_INPUT", t("bodyMalformed"));
    case "INVALID":
      return invalidInput(t, failure.issues);
  }
}

/** The error's type and stack frames, without the message (which may quote the input). */
function withoutMessage(error: unknown): { type: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  // Only the frame lines: a message spanning lines would otherwise go on into the stack.
  const frames = error.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  return { type: error.name, stack: frames?.join("\n") };
}
