import { getTimeZone } from "next-intl/server";
import { getBalanceForecast } from "@/lib/billing/get-balance-forecast";
import { upcomingPageParamsSchema } from "@/lib/billing/upcoming-page-params";
import { userRoute } from "@/lib/http/user-route";

// A bad page or page size falls back to the first page (the schema's defaults), never a 400.
export const GET = userRoute({ query: upcomingPageParamsSchema }, async (_request, { user, query, now }) =>
  Response.json(await getBalanceForecast(user.id, now, await getTimeZone(), query)),
);
