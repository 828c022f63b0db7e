import "server-only";
import type { LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { getConfig } from "@/lib/config";
import { resolveHostAddresses } from "@/lib/dns/resolve-host-addresses";
import { allowsPrivateWebhookAddresses, isPublicAddress } from "@/lib/notifications/webhook-address-policy";
import { decideRedirect, type RedirectRefusal } from "@/lib/validation/file-redirect-policy";
import { FILE_VALIDATION_PATH } from "@/lib/validation/list-validation-targets";

export const FILE_CHECK_TIMEOUT_MS = 5_000;
export const FILE_CHECK_MAX_BYTES = 4_096;
const SERVED_PREVIEW_LENGTH = 120;

export type FileCheckOptions = {
  /** Loopback and private addresses allowed (DEMO_MODE and tests, as for webhooks). */
  allowPrivate?: boolean;
  /** "host:port" of the DNS server to resolve the site with (DNS_RESOLVER by default). */
  resolver?: string;
  timeoutMs?: number;
  /** Where the site listens instead of 80/443: tests run their servers on free ports. */
  ports?: { http: number; https: number };
};

/** What asking one host for the validation file found, for the customer to read. */
export type FileCheck =
  | { outcome: "found"; url: string }
  | { outcome: "wrong-content"; url: string; served: string }
  | { outcome: "http-status"; url: string; status: number }
  | { outcome: "redirect-refused"; url: string; location: string; reason: RedirectRefusal }
  | { outcome: "address-refused"; url: string }
  | { outcome: "timeout"; url: string }
  | { outcome: "unreachable"; url: string; code: string };

// When neither scheme serves the file, the answer that tells the customer most.
const INFORMATIVE: FileCheck["outcome"][] = [
  "found",
  "wrong-content",
  "redirect-refused",
  "http-status",
  "address-refused",
  "timeout",
  "unreachable",
];

class AddressRefusedError extends Error {
  constructor() {
    super("The host resolves to a private, loopback or reserved address");
    this.name = "AddressRefusedError";
  }
}

/**
 * Asks `http://<host>/.well-known/pki-validation/fileauth.txt` for the token, then the
 * same over https when http did not serve it (sites that only answer https, or whose http
 * only redirects elsewhere). Each attempt: 5 s in all, at most two redirects within the
 * domain (file-redirect-policy.ts), at most 4 kB of body, compared trimmed. Every address
 * connected to passes the webhooks' address policy, on each hop: no private or loopback
 * addresses outside DEMO_MODE. TLS certificates are not verified: the site may well be
 * waiting for the very certificate it is validating, and the proof is the file's content.
 */
export async function checkFileValidation(
  target: { host: string; content: string },
  options: FileCheckOptions = {},
): Promise<FileCheck> {
  const settings = {
    allowPrivate: options.allowPrivate ?? allowsPrivateWebhookAddresses(),
    resolver: options.resolver ?? getConfig().dnsResolver,
    timeoutMs: options.timeoutMs ?? FILE_CHECK_TIMEOUT_MS,
    ports: options.ports,
  };
  const overHttp = await fetchFile(target, "http", settings);
  if (overHttp.outcome === "found") return overHttp;
  const overHttps = await fetchFile(target, "https", settings);
  return INFORMATIVE.indexOf(overHttps.outcome) < INFORMATIVE.indexOf(overHttp.outcome) ? overHttps : overHttp;
}

type Settings = {
  allowPrivate: boolean;
  resolver: string | undefined;
  timeoutMs: number;
  ports: FileCheckOptions["ports"];
};

async function fetchFile(
  target: { host: string; content: string },
  scheme: "http" | "https",
  settings: Settings,
): Promise<FileCheck> {
  const shown = `${scheme}://${target.host}${FILE_VALIDATION_PATH}`;
  let url = new URL(shown);
  if (settings.ports) url.port = String(settings.ports[scheme]);
  const signal = AbortSignal.timeout(settings.timeoutMs);
  const allowedPorts = settings.ports ? [settings.ports.http, settings.ports.https] : [];
  for (let redirects = 0; ; redirects++) {
    const display = redirects === 0 ? shown : url.href;
    let response: Answer;
    try {
      response = await get(url, settings, signal);
    } catch (error) {
      return transportFailure(error, display, signal);
    }
    if (response.status >= 300 && response.status < 400) {
      const decision = decideRedirect({
        host: target.host,
        from: url,
        location: response.location,
        redirects,
        ports: allowedPorts,
      });
      if (!decision.follow) {
        return {
          outcome: "redirect-refused",
          url: display,
          location: decision.location.slice(0, 300),
          reason: decision.reason,
        };
      }
      url = decision.url;
      continue;
    }
    if (response.status !== 200) return { outcome: "http-status", url: display, status: response.status };
    const served = response.body.trim();
    if (served === target.content.trim()) return { outcome: "found", url: display };
    return { outcome: "wrong-content", url: display, served: preview(served) };
  }
}

type Answer = { status: number; location: string | undefined; body: string };

function get(url: URL, settings: Settings, signal: AbortSignal): Promise<Answer> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(literal) && !settings.allowPrivate && !isPublicAddress(literal)) {
      reject(new AddressRefusedError());
      return;
    }
    const request = client.get(
      url,
      {
        signal,
        // A fresh connection each time: a pooled one would skip the address check below.
        agent: false,
        headers: { "user-agent": "CertDesk domain validation", accept: "text/plain, */*" },
        lookup: guardedLookup(settings) as unknown as http.RequestOptions["lookup"],
        ...(url.protocol === "https:" ? { rejectUnauthorized: false } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            body: Buffer.concat(chunks).subarray(0, FILE_CHECK_MAX_BYTES).toString("utf8"),
          });
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough to compare: a larger answer is not the token file, and reading on costs only time.
          if (size >= FILE_CHECK_MAX_BYTES) {
            response.destroy();
            finish();
          }
        });
        response.on("end", finish);
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Resolves through the configured resolver and refuses private addresses: what is checked is what is connected to. */
function guardedLookup(settings: Settings) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolveHostAddresses(hostname, { resolver: settings.resolver, timeoutMs: settings.timeoutMs }).then(
      (addresses) => {
        if (addresses.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          error.code = "ENOTFOUND";
          return callback(error, []);
        }
        if (!settings.allowPrivate && addresses.some((address) => !isPublicAddress(address))) {
          return callback(new AddressRefusedError(), []);
        }
        const entries = addresses.map((address) => ({ address, family: isIP(address) }));
        if (options.all) return callback(null, entries);
        const [first] = entries;
        return callback(null, first?.address ?? "", first?.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}

function transportFailure(error: unknown, url: string, signal: AbortSignal): FileCheck {
  if (signal.aborted) return { outcome: "timeout", url };
  const failure = error as NodeJS.ErrnoException;
  const cause = (failure.cause as NodeJS.ErrnoException | undefined) ?? failure;
  if (failure instanceof AddressRefusedError || cause instanceof AddressRefusedError) {
    return { outcome: "address-refused", url };
  }
  return { outcome: "unreachable", url, code: cause.code ?? failure.code ?? "ERROR" };
}

/** What the site served instead, short and printable, to show the customer. */
function preview(served: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
  const printable = served.replace(/[\u0000-\u001f\u007f]+/g, " ");
  return printable.length > SERVED_PREVIEW_LENGTH ? `${printable.slice(0, SERVED_PREVIEW_LENGTH)}…` : printable;
}
