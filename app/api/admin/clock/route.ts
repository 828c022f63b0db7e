import { z } from "zod";
import { adminRoute } from "@/lib/admin/admin-route";
import { getDemoClock } from "@/lib/admin/get-demo-clock";
import { setDemoClock } from "@/lib/admin/set-demo-clock";
import { systemNow } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { jsonError } from "@/lib/http/json-response";

// The demo clock (DEMO_MODE only; otherwise 404 for everyone):
//   GET                                   → the clock
//   PUT {"now": "2026-12-01T09:00:00Z"}   → simulate that time from now on
//   PUT {"now": null} or DELETE           → back to real time
// Admin session required (401 signed out, 403 customers).
export const dynamic = "force-dynamic";

const putBody = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

function demoOnly<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> =>
    getConfig().demoMode ? handler(...args) : jsonError("NOT_FOUND", "Not found");
}

export const GET = demoOnly(
  adminRoute(async (_request, { user }) => Response.json(await getDemoClock(user, { realNow: systemNow() }))),
);

export const PUT = demoOnly(
  adminRoute(async (request, { user, ip, now }) => {
    const parsed = putBody.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) {
      return jsonError("INVALID_INPUT", 'Send JSON {"now": "<ISO-8601 date-time with offset>"} or {"now": null}.');
    }
    const requested = parsed.data.now === null ? null : new Date(parsed.data.now);
    return Response.json(await setDemoClock(user, { now: requested }, { ip, now, realNow: systemNow() }));
  }),
);

export const DELETE = demoOnly(
  adminRoute(async (_request, { user, ip, now }) =>
    Response.json(await setDemoClock(user, { now: null }, { ip, now, realNow: systemNow() })),
  ),
);
