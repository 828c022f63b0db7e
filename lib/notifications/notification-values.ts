// Turns a notification's stored params into the values its message needs in one
// language: money formatted, instants in the reader's zone. Shared by the in-app
// list and the e-mails, so both say the same thing.
import { formatMoney } from "@/lib/money";

export type NotificationParams = Record<string, string | number | boolean | null | undefined>;

export function notificationValues(
  params: NotificationParams,
  locale: string,
  formatInstant: (iso: string) => string,
): Record<string, string | number> {
  const currency = typeof params.currency === "string" ? params.currency : "USD";
  const money = (value: unknown) => (typeof value === "number" ? formatMoney(value, currency, locale) : "");
  const instant = (value: unknown) => (typeof value === "string" && value ? formatInstant(value) : "");
  return {
    domain: String(params.domain ?? ""),
    days: typeof params.days === "number" ? params.days : 0,
    fee: money(params.feeMinor),
    balance: money(params.balanceMinor),
    refund: money(params.refundMinor),
    expiresAt: instant(params.expiresAt),
    deductAt: instant(params.deductAt),
    deadline: instant(params.deadline),
    recordName: String(params.recordName ?? ""),
    recordValue: String(params.recordValue ?? ""),
    recordNames: String(params.recordNames ?? params.recordName ?? ""),
    fileUrls: String(params.fileUrls ?? ""),
    method: String(params.method ?? "DNS"),
    autoRenew: params.autoRenew ? "true" : "false",
    reason: String(params.reason ?? "other"),
    autoValidated: params.autoValidated ? "true" : "false",
    autoUpdateResources: params.autoUpdateResources ? "true" : "false",
    // A reissue's CERTIFICATE_ISSUED notice (lib/issuance/issue-pending-certificate.ts).
    reissued: params.replacedCertificateId ? "true" : "false",
    // Automatic deployments after renewal (lib/deployment-targets/deployment-notice-row.ts).
    target: String(params.target ?? ""),
    verified: params.verified ? "true" : "false",
    endpoint: String(params.endpoint ?? ""),
    servedSerial: String(params.servedSerial ?? ""),
    retrying: params.retryAt ? "true" : "false",
    retryAt: instant(params.retryAt),
  };
}
