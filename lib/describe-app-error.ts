// The sentence for an AppError in any language: its message with the failing conditions
// spelled out (the auto-renewal and manual-renewal reasons). Server actions and routes use it
// through describeAppError (the request's language), the API with the caller's X-TC-Language.
import type { AppErrorCode } from "@/lib/errors";
import { formatMoney } from "@/lib/money";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function describeAppErrorWith(
  t: Translate,
  code: AppErrorCode,
  details: Record<string, string | number>,
  locale: string,
): string {
  const message = t(`errors.${code}`, { ...details, ...formattedAmounts(details, locale) });
  const reasons = [
    ...listed(details.reasons).map((reason) => t(`autoRenew.failure.${reason}`)),
    ...listed(details.manualReasons).map((reason) => t(`renewal.manualFailure.${reason}`)),
  ];
  return reasons.length > 0 ? `${message} ${reasons.join(" ")}` : message;
}

/** Amounts in minor units (`missingMinor` with `currency`) as money in the caller's language. */
function formattedAmounts(details: Record<string, string | number>, locale: string): Record<string, string> {
  const { missingMinor, currency } = details;
  if (typeof missingMinor !== "number" || typeof currency !== "string") return { missing: "none" };
  return { missing: formatMoney(missingMinor, currency, locale) };
}

function listed(value: string | number | undefined): string[] {
  return typeof value === "string" && value ? value.split(",") : [];
}
