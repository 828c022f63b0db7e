// The notification centre's filters parsed with zod on the server. Pure; a bad value in a
// hand-edited URL falls back to the default instead of failing the page. The browser
// builds these URLs with notification-list-query.ts, which keeps zod out of its bundle.
import "server-only";
import { z } from "zod";
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_MAX_PAGE,
  NOTIFICATION_PAGE_SIZE,
  NOTIFICATION_STATUSES,
  type NotificationListParams,
} from "@/lib/notifications/notification-list-query";

const schema = z.object({
  kind: z.enum(NOTIFICATION_KINDS).optional().catch(undefined),
  status: z.enum(NOTIFICATION_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(NOTIFICATION_MAX_PAGE).default(1).catch(1),
  pageSize: z.literal(NOTIFICATION_PAGE_SIZE).default(NOTIFICATION_PAGE_SIZE).catch(NOTIFICATION_PAGE_SIZE),
});

export function parseNotificationListParams(
  input: Record<string, string | string[] | undefined>,
): NotificationListParams {
  const record: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    const single = Array.isArray(value) ? value[0] : value;
    if (single) record[key] = single;
  }
  return schema.parse(record);
}
