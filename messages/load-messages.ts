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

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const module = (await import(`./${locale}/${namespace}.json`)) as { default: Record<string, unknown> };
      return [namespace, module.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Messages;
}
