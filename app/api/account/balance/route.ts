import { getCurrentUser } from "@/lib/auth/session";
import { getAccountBalance } from "@/lib/billing/get-account-balance";
import { jsonError } from "@/lib/http/json-response";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  return Response.json(await getAccountBalance(user.id));
}
