import "server-only";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { type AppErrorCode, isAppError } from "@/lib/errors";
import { clientIpFrom } from "@/lib/http/client-ip";
import { logger } from "@/lib/logger";
import { formatMoney } from "@/lib/money";
import { findUnstorableText } from "@/lib/text/storable-text";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: AppErrorCode | "UNEXPECTED";
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** The AppError's details (e.g. the missing amount of INSUFFICIENT_BALANCE), for the form to act on. */
      details?: Record<string, string | number>;
    };

export type ActionContext = { user: SessionUser; ip: string; now: Date };

type Options = { role?: "ADMIN"; name: string };

/**
 * Server actions are public POST endpoints. This wrapper is the one place that
 * establishes the caller (refusing the signed-out, the disabled and, for admin
 * actions, customers), parses the input with zod and turns failures into a typed,
 * translated result; unexpected errors are logged with context and never leak.
 */
export function authedAction<Schema extends z.core.$ZodType, T>(
  schema: Schema,
  options: Options,
  run: (input: z.output<Schema>, context: ActionContext) => Promise<T>,
): (input: z.input<Schema>) => Promise<ActionResult<T>> {
  return async (input) => {
    const t = await getTranslations();
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: t("errors.UNAUTHENTICATED") };
    if (options.role === "ADMIN" && user.role !== "ADMIN") {
      return { ok: false, code: "FORBIDDEN", message: t("errors.FORBIDDEN") };
    }
    // Text PostgreSQL cannot hold (NUL) would fail in the database as an unexpected error.
    const unstorable = findUnstorableText(input);
    if (unstorable !== null) {
      const message = t("errors.INVALID_INPUT");
      return { ok: false, code: "INVALID_INPUT", message, fieldErrors: { [unstorable || "_"]: [message] } };
    }
    // Any zod schema: the dialogs share theirs with the browser in zod/mini.
    const parsed = z.safeParse(schema, input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_";
        fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
      }
      return { ok: false, code: "INVALID_INPUT", message: t("errors.INVALID_INPUT"), fieldErrors };
    }
    try {
      const context = { user, ip: clientIpFrom(await headers()), now: await now() };
      return { ok: true, data: await run(parsed.data, context) };
    } catch (error) {
      if (isAppError(error)) {
        const message = await describeAppError(error.code, error.details);
        const details = Object.keys(error.details).length > 0 ? { details: error.details } : {};
        return { ok: false, code: error.code, message, ...details };
      }
      logger.error({ err: error, action: options.name, userId: user.id }, "server action failed");
      return { ok: false, code: "UNEXPECTED", message: t("errors.UNEXPECTED") };
    }
  };
}

/** The user-facing sentence for an AppError, with the failing conditions spelled out. */
export async function describeAppError(code: AppErrorCode, details: Record<string, string | number>): Promise<string> {
  const t = await getTranslations();
  const message = t(`errors.${code}`, { ...details, ...(await formattedAmounts(details)) });
  const reasons = [
    ...listed(details.reasons).map((reason) => t(`autoRenew.failure.${reason}`)),
    ...listed(details.manualReasons).map((reason) => t(`renewal.manualFailure.${reason}`)),
  ];
  return reasons.length > 0 ? `${message} ${reasons.join(" ")}` : message;
}

/** Amounts in minor units (`missingMinor` with `currency`) as money in the request's language. */
async function formattedAmounts(details: Record<string, string | number>): Promise<Record<string, string>> {
  const { missingMinor, currency } = details;
  if (typeof missingMinor !== "number" || typeof currency !== "string") return { missing: "none" };
  return { missing: formatMoney(missingMinor, currency, await getLocale()) };
}

function listed(value: string | number | undefined): string[] {
  return typeof value === "string" && value ? value.split(",") : [];
}
