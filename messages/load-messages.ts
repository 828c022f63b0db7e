// Strings live in one file per feature and language (messages/<locale>/<namespace>.json),
// so features can be translated and changed without touching each other.
import type { Locale } from "@/lib/i18n/locales";

export const NAMESPACES = [
  "admin",
  "app",
  "auth",
  "autoRenew",
  "billing",
  "certificates",
  "common",
  "demo",
  "downloads",
  "errorPage",
  "errors",
  "header",
  "jobs",
  "language",
  "nav",
  "notFound",
  "notifications",
  "renewal",
  "resources",
  "theme",
  "upload",
] as const;

export type Messages = Record<(typeof NAMESPACES)[number], Record<string, unknown>>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const module = (await import(`./${locale}/${namespace}.json`)) as { default: Record<string, unknown> };
      return [namespace, module.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Messages;
}

/**
 * Namespaces only the admin area's client components use: sent to the browser on admin
 * pages only (app/admin/layout.tsx), not with every customer page.
 */
const ADMIN_ONLY_NAMESPACES = ["admin", "jobs"] as const satisfies readonly (typeof NAMESPACES)[number][];

export function withoutAdminMessages(messages: Record<string, unknown>): Record<string, unknown> {
  const excluded = new Set<string>(ADMIN_ONLY_NAMESPACES);
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !excluded.has(namespace)));
}
