// The notification centre's filters as they appear in the URL, without zod, for the
// browser: the page parses the URL with zod (notification-list-params.ts).
export const NOTIFICATION_KINDS = [
  "EXPIRY_REMINDER",
  "BALANCE_WARNING",
  "RENEWAL_DEDUCTED",
  "AUTO_RENEW_TERMINATED",
  "VALIDATION_RECORD_NEEDED",
  "RENEWAL_ISSUED",
  "VALIDATION_TIMED_OUT",
  "RESOURCES_UPDATED",
  "CERTIFICATE_DEPLOYED",
  "DEPLOYMENT_NOT_SERVING",
  "DEPLOYMENT_FAILED",
  "ORDER_VALIDATION_NEEDED",
  "CERTIFICATE_ISSUED",
  "ORDER_TIMED_OUT",
  "VALIDATION_FAILED",
  "REISSUE_TIMED_OUT",
  "ORGANIZATION_REJECTED",
] as const;
export const NOTIFICATION_STATUSES = ["unread", "read"] as const;
export const NOTIFICATION_PAGE_SIZE = 20;
export const NOTIFICATION_MAX_PAGE = 10_000;

export type NotificationListParams = {
  kind?: (typeof NOTIFICATION_KINDS)[number];
  status?: (typeof NOTIFICATION_STATUSES)[number];
  page: number;
  pageSize: typeof NOTIFICATION_PAGE_SIZE;
};

export function notificationListQueryString(params: Partial<NotificationListParams>): string {
  const query = new URLSearchParams();
  if (params.kind) query.set("kind", params.kind);
  if (params.status) query.set("status", params.status);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  return query.toString();
}
