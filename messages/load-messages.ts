// Strings live in one file per feature and language (messages/<locale>/<namespace>.json),
// so features can be translated and changed without touching each other.
import type { Locale } from "@/lib/i18n/locales";

export const NAMESPACES = [
  "admin",
  "apiKeys",
  "app",
  "auth",
  "autoRenew",
  "billing",
  "certificateOrder",
  "certificates",
  "common",
  "demo",
  "dnsHosting",
  "deploymentTargets",
  "downloads",
  "errorPage",
  "errors",
  "header",
  "jobs",
  "language",
  "nav",
  "notFound",
  "notifications",
  "organizationReview",
  "renewal",
  "resources",
  "tencentApi",
  "theme",
  "upload",
] as const;

export type Messages = Record<(typeof NAMESPACES)[number], Record<string, unknown>>;

// The bundles never change while a built server runs: each locale's is put together once, not
// on every request (27 module lookups and a new object each time, about a millisecond).
// `npm run dev` reads them afresh, so an edited string shows on the next request.
const loaded = new Map<Locale, Promise<Messages>>();
const keepLoaded = process.env.NODE_ENV !== "development";

export function loadMessages(locale: Locale): Promise<Messages> {
  if (!keepLoaded) return importMessages(locale);
  let messages = loaded.get(locale);
  if (!messages) {
    messages = importMessages(locale);
    loaded.set(locale, messages);
    // A failed import is not kept: the next request tries again.
    messages.catch(() => loaded.delete(locale));
  }
  return messages;
}

async function importMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const module = (await import(`./${locale}/${namespace}.json`)) as { default: Record<string, unknown> };
      return [namespace, module.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Messages;
}
