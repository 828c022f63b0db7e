import { getTimeZone } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getBalanceForecast } from "@/lib/billing/get-balance-forecast";
import { now } from "@/lib/clock";
import { jsonError } from "@/lib/http/json-response";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  return Response.json(await getBalanceForecast(user.id, await now(), await getTimeZone()));
}
