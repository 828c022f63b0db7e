import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import {
  guardedLookup,
  isPermittedAddress,
  type PrivateAddressPermit,
  WebhookAddressError,
} from "@/lib/notifications/webhook-address-policy";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookResponse = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * POSTs one webhook: no redirects followed, 10 s for the whole exchange, and only to
 * addresses the policy allows (checked on the address actually connected to). The error
 * text names what went wrong, never the URL's path or query (which may hold a token).
 */
export function postWebhook(input: {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowPrivate: PrivateAddressPermit;
  timeoutMs?: number;
}): Promise<WebhookResponse> {
  const url = new URL(input.url);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !isPermittedAddress(literal, input.allowPrivate)) {
    return Promise.resolve({ ok: false, status: null, error: new WebhookAddressError("PRIVATE_ADDRESS").message });
  }
  const timeoutMs = input.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...input.headers, "Content-Length": String(Buffer.byteLength(input.body)) },
        lookup: guardedLookup(input.allowPrivate) as unknown as http.RequestOptions["lookup"],
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // The answer's body is not needed; drain it so the socket is released.
        response.resume();
        response.on("error", () => undefined);
        if (status >= 200 && status < 300) resolve({ ok: true, status });
        else
          resolve({
            ok: false,
            status,
            error: `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}`,
          });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, status: null, error: describeTransportError(error, timeoutMs) }),
    );
    request.end(input.body);
  });
}

function describeTransportError(error: NodeJS.ErrnoException, timeoutMs: number): string {
  if (error.name === "AbortError" || error.name === "TimeoutError" || error.code === "ABORT_ERR") {
    return `No answer within ${timeoutMs / 1000} s`;
  }
  if (error instanceof WebhookAddressError) return error.message;
  const cause = (error.cause as NodeJS.ErrnoException | undefined) ?? error;
  if (cause instanceof WebhookAddressError) return cause.message;
  return (cause.code ? `${cause.code}: ${cause.message}` : cause.message).slice(0, 300);
}
