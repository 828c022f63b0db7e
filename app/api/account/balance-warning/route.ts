import { getCurrentUser } from "@/lib/auth/session";
import { getBalanceWarning } from "@/lib/billing/get-balance-warning";
import { serializeBalanceWarning } from "@/lib/billing/serialize-balance-warning";
import { now } from "@/lib/clock";
import { jsonError } from "@/lib/http/json-response";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  return Response.json(serializeBalanceWarning(await getBalanceWarning(user.id, await now())));
}
