import type { NextRequest } from "next/server";
import { getTimeZone } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getBalanceForecast } from "@/lib/billing/get-balance-forecast";
import { parseUpcomingPageParams } from "@/lib/billing/upcoming-page-params";
import { now } from "@/lib/clock";
import { jsonError } from "@/lib/http/json-response";

export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  const page = parseUpcomingPageParams(request.nextUrl.searchParams);
  return Response.json(await getBalanceForecast(user.id, await now(), await getTimeZone(), page));
}
