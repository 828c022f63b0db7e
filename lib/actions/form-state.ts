// What a form's server action returns for an expected outcome. Failures users can
// fix come back as a message and per-field errors, with the values they typed (but
// never passwords), so nothing they entered is lost.
export type FormState =
  | { status: "idle" }
  | { status: "success"; message?: string }
  | {
      status: "error";
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      values?: Record<string, string>;
    };

export const IDLE: FormState = { status: "idle" };

/** A `callbackUrl` that can only lead back into this app. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
