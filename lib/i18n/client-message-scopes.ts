import type { NAMESPACES } from "@/messages/load-messages";

type Namespace = (typeof NAMESPACES)[number];
/** A namespace, or one part of it ("notifications.bell"). */
type MessagePath = Namespace | `${Namespace}.${string}`;

/**
 * The strings each part of the app sends to the browser: what the client components
 * rendered under that part's layout ask for, and nothing else. Every page's HTML and
 * payload carry its scope's strings, so a page that got all of them (40 kB in English)
 * paid for every other page's. A layout provides its scope with <ScopedMessages>, which
 * replaces its parent's for everything below; client-message-scopes.test.ts follows
 * each layout's imports and fails when a scope lacks a namespace its components use or
 * holds one they do not.
 */
export const CLIENT_MESSAGE_SCOPES = {
  /** app/layout.tsx: the root error page. */
  root: ["errorPage"],
  /** app/(auth): sign-in and sign-up, with the language and theme switches. */
  auth: ["auth", "language", "theme"],
  /** app/(console)/layout.tsx: the console's header, menu and navigation. */
  consoleShell: ["header", "language", "nav", "notifications.bell", "theme"],
  // certificateOrder.key and .validation: the reissue dialog chooses the key and validation as an order does.
  certificateList: [
    "autoRenew",
    "certificateOrder.key",
    "certificateOrder.validation",
    "certificates",
    "common",
    "downloads",
    "resources",
  ],
  certificateDetail: [
    "autoRenew",
    "certificateOrder.key",
    "certificateOrder.validation",
    "certificates",
    "deploymentTargets",
    "downloads",
    "organizationReview",
    "renewal",
    "resources",
  ],
  certificateUpload: ["upload"],
  /** The order flow: buy a certificate, apply for a free one. */
  certificateOrder: [
    "autoRenew.failure",
    "certificateOrder",
    "certificates.domainType",
    "certificates.type",
    "organizationReview.order",
    "organizationReview.fields",
    "organizationReview.fieldError",
  ],
  billing: ["billing", "common", "errorPage"],
  notifications: ["common", "notifications"],
  dnsHosting: ["dnsHosting"],
  apiKeys: ["apiKeys"],
  deploymentTargets: ["deploymentTargets"],
  /** app/admin: the admin area's shell and pages, which show customers' certificates too. */
  admin: [
    "admin",
    "autoRenew",
    "certificateOrder.key",
    "certificateOrder.validation",
    "certificates",
    "common",
    "downloads",
    "header",
    "jobs",
    "language",
    "nav",
    "organizationReview",
    "renewal",
    "resources",
    "theme",
  ],
} as const satisfies Record<string, readonly MessagePath[]>;

export type ClientMessageScope = keyof typeof CLIENT_MESSAGE_SCOPES;

/**
 * The messages at these paths, nested as they are ("notifications.bell" keeps only that
 * part of its namespace). The paths of one scope never overlap, so nothing is copied into
 * the original objects.
 */
export function pickMessages(messages: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const messagePath of paths) {
    const keys = messagePath.split(".");
    const value = keys.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), messages);
    const last = keys.pop();
    if (value === undefined || last === undefined) continue;
    let target = picked;
    for (const key of keys) {
      const next = target[key];
      const container = isRecord(next) ? next : {};
      target[key] = container;
      target = container;
    }
    target[last] = value;
  }
  return picked;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
