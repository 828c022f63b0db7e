"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

export const markNotificationsReadAction = authedAction(
  z.object({ ids: z.union([z.literal("all"), z.array(z.string().min(1).max(64)).max(200)]) }),
  { name: "markNotificationsRead" },
  ({ ids }, { user, now }) => markNotificationsRead(user.id, ids, now),
);
