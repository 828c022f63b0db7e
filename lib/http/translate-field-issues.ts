import type { getTranslations } from "next-intl/server";
import type { z } from "zod";

export type ErrorsTranslator = Awaited<ReturnType<typeof getTranslations<"errors">>>;

/**
 * zod's issues as translated messages by field ("a.b"; "_" for the value as a whole),
 * the fieldErrors of a 400. zod's own messages are English and name types; these say
 * what to send. A custom issue whose message is a key of errors.json uses that message.
 */
export function translateFieldIssues(issues: z.core.$ZodIssue[], t: ErrorsTranslator): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    const message = describeIssue(issue, t);
    const messages = fieldErrors[key] ?? [];
    if (!messages.includes(message)) fieldErrors[key] = [...messages, message];
  }
  return fieldErrors;
}

function describeIssue(issue: z.core.$ZodIssue, t: ErrorsTranslator): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? t("fieldRequired") : t("fieldInvalid");
    case "too_big":
      if (issue.origin === "string") return t("fieldTooLong", { max: Number(issue.maximum) });
      if (issue.origin === "number" || issue.origin === "int")
        return t("fieldTooLarge", { max: Number(issue.maximum) });
      return t("fieldInvalid");
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 ? t("fieldRequired") : t("fieldTooShort", { min: Number(issue.minimum) });
      }
      if (issue.origin === "number" || issue.origin === "int")
        return t("fieldTooSmall", { min: Number(issue.minimum) });
      return t("fieldInvalid");
    case "invalid_value":
      return t("fieldOneOf", { values: issue.values.map(String).join(", ") });
    case "custom":
      return t.has(issue.message as never) ? t(issue.message as never) : t("fieldInvalid");
    default:
      return t("fieldInvalid");
  }
}
