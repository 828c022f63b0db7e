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

const SAME_SITE = "http://same-site.invalid";

/**
 * A `callbackUrl` or `returnTo` that can only lead back into this app: a relative path on
 * this site, never another origin (`//evil.example`, `/\\evil.example`, `https:…`) and
 * without the control characters or backslashes browsers read their own way.
 */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > 2_000 || !value.startsWith("/")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  const url = new URL(value, SAME_SITE);
  if (url.origin !== SAME_SITE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
