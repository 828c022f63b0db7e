import { getCurrentUser } from "@/lib/auth/session";
import { jsonError } from "@/lib/http/json-response";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";

/** GET /api/notifications/unread: the header badge's count. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return jsonError("UNAUTHENTICATED");
  return Response.json(await countUnreadNotifications(user.id), { headers: { "Cache-Control": "no-store" } });
}
