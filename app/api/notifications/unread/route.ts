import { userRoute } from "@/lib/http/user-route";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";

/** GET /api/notifications/unread: the header badge's count. */
export const GET = userRoute({}, async (_request, { user }) =>
  Response.json(await countUnreadNotifications(user.id), { headers: { "Cache-Control": "no-store" } }),
);
