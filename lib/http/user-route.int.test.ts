// userRoute (and adminRoute, which shares its guard) called the way Next.js calls a route
// handler: a real session lookup in the database (signed out, disabled, customer, admin),
// real translations, and a handler that records what it was given.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/testing/action-harness";

const { z } = await import("zod");
const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const { logger } = await import("@/lib/logger");
const { userRoute } = await import("@/lib/http/user-route");
const { adminRoute } = await import("@/lib/admin/admin-route");
const { createTestUser } = await import("@/testing/factories");
const { default: errors } = await import("@/messages/en/errors.json");

type User = Awaited<ReturnType<typeof createTestUser>>;
let customer: User;
let admin: User;
let disabled: User;

beforeAll(async () => {
  customer = await createTestUser({ name: "Route Customer" });
  admin = await createTestUser({ name: "Route Admin", role: "ADMIN" });
  disabled = await createTestUser({ name: "Disabled Customer" });
  await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
});

afterEach(() => {
  vi.restoreAllMocks();
  actAs(null);
});

const SECRET = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
const SAME_ORIGIN = { origin: "http://localhost", host: "localhost" };
const segment = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (path: string, init: RequestInit = {}) => new Request(`http://localhost${path}`, init);
const post = (path: string, body: unknown, headers: Record<string, string> = SAME_ORIGIN) =>
  request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

function readRoute() {
  const handler = vi.fn(async (_request: Request, context: { user: { id: string }; query: unknown; params: unknown }) =>
    Response.json({ userId: context.user.id, query: context.query, params: context.params }),
  );
  const route = userRoute(
    { query: z.object({ limit: z.coerce.number().int().max(50) }), params: z.object({ id: z.string().max(8) }) },
    handler,
  );
  return { handler, route };
}

function writeRoute(run: (body: { alias: string }) => Promise<Response> = async (body) => Response.json(body)) {
  const handler = vi.fn(async (_request: Request, { body }: { body: { alias: string } }) => run(body));
  const route = userRoute({ body: { schema: z.object({ alias: z.string().max(10) }), maxBytes: 1024 } }, handler);
  return { handler, route };
}

describe("who is calling", () => {
  it("answers 401 with the translated message when signed out, without running the handler", async () => {
    const { handler, route } = readRoute();
    actAs(null);
    expect(await answer(await route(request("/api/x?limit=5"), segment("a")))).toEqual({
      status: 401,
      body: { code: "UNAUTHENTICATED", message: errors.UNAUTHENTICATED },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 401 to a disabled account whose session cookie is still valid", async () => {
    const { handler, route } = readRoute();
    actAs(disabled);
    expect((await answer(await route(request("/api/x?limit=5"), segment("a")))).status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
  });

  it("gives the handler the signed-in user and the parsed, typed query and params", async () => {
    const { route } = readRoute();
    actAs(customer);
    expect(await answer(await route(request("/api/x?limit=5&limit=9&other=1"), segment("abc")))).toEqual({
      status: 200,
      body: { userId: customer.id, query: { limit: 5 }, params: { id: "abc" } },
    });
  });

  it("adminRoute refuses customers with the same translated body, and lets administrators in", async () => {
    const route = adminRoute(async (_request, { user }) => Response.json({ userId: user.id }));
    actAs(customer);
    expect(await answer(await route(request("/api/admin/x")))).toEqual({
      status: 403,
      body: { code: "FORBIDDEN", message: errors.FORBIDDEN },
    });
    actAs(null);
    expect((await answer(await route(request("/api/admin/x")))).body).toEqual({
      code: "UNAUTHENTICATED",
      message: errors.UNAUTHENTICATED,
    });
    actAs(admin);
    expect(await answer(await route(request("/api/admin/x")))).toEqual({ status: 200, body: { userId: admin.id } });
  });
});

describe("input", () => {
  it("answers 400 with translated field errors for a bad query, without running the handler", async () => {
    const { handler, route } = readRoute();
    actAs(customer);
    expect(await answer(await route(request("/api/x?limit=500"), segment("a")))).toEqual({
      status: 400,
      body: {
        code: "INVALID_INPUT",
        message: errors.INVALID_INPUT,
        fieldErrors: { limit: ["Use a number no greater than 50."] },
      },
    });
    expect((await answer(await route(request("/api/x"), segment("a")))).body.fieldErrors).toEqual({
      limit: [errors.fieldInvalid],
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 404 for a path segment the schema refuses: it cannot name anything", async () => {
    const { route } = readRoute();
    actAs(customer);
    expect(await answer(await route(request("/api/x?limit=5"), segment("much-too-long-for-an-id")))).toEqual({
      status: 404,
      body: { code: "NOT_FOUND", message: errors.NOT_FOUND },
    });
  });

  it("parses a JSON or form body with the schema", async () => {
    const { route } = writeRoute();
    actAs(customer);
    expect(await answer(await route(post("/api/x", { alias: "ok", extra: 1 })))).toEqual({
      status: 200,
      body: { alias: "ok" },
    });
    const form = new FormData();
    form.set("alias", "from form");
    const response = await route(request("/api/x", { method: "POST", headers: SAME_ORIGIN, body: form }));
    expect(await answer(response)).toEqual({ status: 200, body: { alias: "from form" } });
  });

  it("refuses a bad body with translated messages, never quoting it", async () => {
    const { handler, route } = writeRoute();
    actAs(customer);
    expect(await answer(await route(post("/api/x", { alias: "far too long an alias" })))).toEqual({
      status: 400,
      body: {
        code: "INVALID_INPUT",
        message: errors.INVALID_INPUT,
        fieldErrors: { alias: ["Use at most 10 characters."] },
      },
    });
    const malformed = await answer(await route(post("/api/x", `{"alias": "${SECRET}`)));
    expect(malformed).toEqual({ status: 400, body: { code: "INVALID_INPUT", message: errors.bodyMalformed } });
    const tooLarge = await answer(await route(post("/api/x", { alias: "x".repeat(2000) })));
    expect(tooLarge).toEqual({
      status: 413,
      body: { code: "INVALID_INPUT", message: "The request is too large: send at most 1 KiB." },
    });
    const plain = await route(post("/api/x", "alias=x", { ...SAME_ORIGIN, "content-type": "text/plain" }));
    expect(await answer(plain)).toEqual({
      status: 415,
      body: { code: "INVALID_INPUT", message: errors.bodyMalformed },
    });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("cross-site writes", () => {
  it.each([
    ["another site", { origin: "https://attacker.example", host: "localhost" }],
    ["no Origin", { host: "localhost" }],
    ["an opaque Origin", { origin: "null", host: "localhost" }],
  ])("refuses a POST from %s with 403 before anything else, signed in or not", async (_name, headers) => {
    const { handler, route } = writeRoute();
    for (const user of [customer, null]) {
      actAs(user);
      expect(await answer(await route(post("/api/x", { alias: "ok" }, headers)))).toEqual({
        status: 403,
        body: { code: "FORBIDDEN", message: errors.crossSiteRequest },
      });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets a GET through whatever its Origin: reading changes nothing", async () => {
    const { route } = readRoute();
    actAs(customer);
    const response = await route(
      request("/api/x?limit=1", { headers: { origin: "https://attacker.example", host: "localhost" } }),
      segment("a"),
    );
    expect(response.status).toBe(200);
  });
});

describe("failures", () => {
  it("answers an AppError with its status and translated message, details filled in", async () => {
    actAs(customer);
    const balance = userRoute({}, async () => {
      throw new AppError("INSUFFICIENT_BALANCE");
    });
    expect(await answer(await balance(request("/api/x")))).toEqual({
      status: 409,
      body: {
        code: "INSUFFICIENT_BALANCE",
        message: "Your balance is too low for this. Top up in Billing and try again.",
      },
    });
    const short = userRoute({}, async () => {
      throw new AppError("INSUFFICIENT_BALANCE", { missingMinor: 1_250, currency: "USD" });
    });
    expect((await answer(await short(request("/api/x")))).body).toMatchObject({
      message: "Your balance is too low: you need $12.50 more. Top up and try again.",
      details: { missingMinor: 1_250, currency: "USD" },
    });
    const limited = userRoute({}, async () => {
      throw new AppError("TOO_MANY_ATTEMPTS", { minutes: 5 });
    });
    expect((await answer(await limited(request("/api/x")))).body.message).toBe(
      "Too many failed sign-in attempts. Wait 5 minutes and try again.",
    );
  });

  it("answers anything else with a 500 that says nothing, and logs it with the path and the user", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    actAs(customer);
    const route = userRoute({}, async () => {
      throw new TypeError("cannot read properties of undefined (reading 'ownerId')");
    });
    const response = await route(request("/api/certificates/abc"));
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ code: "UNEXPECTED", message: errors.UNEXPECTED });
    expect(text).not.toContain("ownerId");
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatchObject({ path: "/api/certificates/abc", method: "GET", userId: customer.id });
  });

  it("with redactErrorMessages, logs the error's type but neither the body nor a message that quotes it", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    actAs(customer);
    const route = userRoute(
      { body: { schema: z.object({ key: z.string() }), maxBytes: 4096 }, redactErrorMessages: true },
      async (_request, { body }) => {
        throw new Error(`could not store ${body.key}`);
      },
    );
    const response = await route(post("/api/certificates/upload", { key: SECRET }));
    expect(await answer(response)).toEqual({ status: 500, body: { code: "UNEXPECTED", message: errors.UNEXPECTED } });
    const logged = JSON.stringify(log.mock.calls);
    expect(logged).not.toContain("PRIVATE KEY");
    expect(logged).not.toContain("could not store");
    expect(log.mock.calls[0]?.[0]).toMatchObject({ path: "/api/certificates/upload", userId: customer.id });
    expect(logged).toContain('"type":"Error"');
  });

  it("adminRoute has the same catch", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    actAs(admin);
    const route = adminRoute(async () => {
      throw new Error("boom");
    });
    expect(await answer(await route(request("/api/admin/x")))).toEqual({
      status: 500,
      body: { code: "UNEXPECTED", message: errors.UNEXPECTED },
    });
    const notFound = adminRoute(async () => {
      throw new AppError("NOT_FOUND");
    });
    expect((await answer(await notFound(request("/api/admin/x")))).body).toEqual({
      code: "NOT_FOUND",
      message: errors.NOT_FOUND,
    });
  });
});
