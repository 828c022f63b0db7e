// The notification centre's filters, as they appear in the URL. Pure; a bad value in a
// hand-edited URL falls back to the default instead of failing the page.
import { z } from "zod";

export const NOTIFICATION_KINDS = [
  "EXPIRY_REMINDER",
  "BALANCE_WARNING",
  "RENEWAL_DEDUCTED",
  "AUTO_RENEW_TERMINATED",
  "VALIDATION_RECORD_NEEDED",
  "RENEWAL_ISSUED",
  "VALIDATION_TIMED_OUT",
  "RESOURCES_UPDATED",
] as const;
export const NOTIFICATION_STATUSES = ["unread", "read"] as const;
export const NOTIFICATION_PAGE_SIZE = 20;

const schema = z.object({
  kind: z.enum(NOTIFICATION_KINDS).optional().catch(undefined),
  status: z.enum(NOTIFICATION_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
  pageSize: z.literal(NOTIFICATION_PAGE_SIZE).default(NOTIFICATION_PAGE_SIZE).catch(NOTIFICATION_PAGE_SIZE),
});

export type NotificationListParams = z.infer<typeof schema>;

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

export function notificationListQueryString(params: Partial<NotificationListParams>): string {
  const query = new URLSearchParams();
  if (params.kind) query.set("kind", params.kind);
  if (params.status) query.set("status", params.status);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  return query.toString();
}
