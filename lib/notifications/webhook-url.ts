// The shape a webhook URL must have: https, or plain http to localhost (for trying it out
// locally and for tests). Whether its addresses are allowed is a server-side check
// (webhook-address-policy.ts). Pure, shared by the form and the server.

export const MAX_WEBHOOK_URL_LENGTH = 500;

export type WebhookUrlProblem = "INVALID" | "TOO_LONG" | "SCHEME" | "CREDENTIALS" | "UNRESOLVABLE" | "PRIVATE_ADDRESS";

export type WebhookUrlCheck = { ok: true; url: URL } | { ok: false; problem: WebhookUrlProblem };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function checkWebhookUrl(text: string): WebhookUrlCheck {
  const trimmed = text.trim();
  if (trimmed.length > MAX_WEBHOOK_URL_LENGTH) return { ok: false, problem: "TOO_LONG" };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, problem: "INVALID" };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) {
    return { ok: false, problem: "SCHEME" };
  }
  if (url.username || url.password) return { ok: false, problem: "CREDENTIALS" };
  if (!url.hostname) return { ok: false, problem: "INVALID" };
  url.hash = "";
  return { ok: true, url };
}

/** The URL without its path and query, which often carry a token: for audit entries and logs. */
export function webhookOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(invalid)";
  }
}
