// The one place CertDesk drives acme-client's HTTP. acme-client sends every request
// through its own axios instance, which (5.4.0) retries connection errors and 5xx for
// up to 75 s and then throws a TypeError that has lost the cause, and reduces CA
// problem documents to their `detail` text. So its instance gets our adapter: it picks
// the HTTPS trust for the CA's host (an agent with the CA bundle, per origin, never
// NODE_EXTRA_CA_CERTS), bounds each request in time, and turns an error response or a
// failed socket into an AcmeTransportError carrying the problem type, the status and
// Retry-After, which passes acme-client's interceptors untouched (it has no `config`).
// badNonce responses still reach acme-client, which retries them itself (and the last
// one is remembered for the step, so running out of retries reads BAD_NONCE). Retrying
// anything else is the job's business (acmeRetryDelayMs), not a request's.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { Agent } from "node:https";
import { axios as acmeAxios, Client } from "acme-client";
import { type AxiosResponse, getAdapter, type InternalAxiosRequestConfig, isAxiosError } from "axios";
import { AcmeError, type AcmeTransportOutcome, acmeFailure, failureFromOutcome } from "@/lib/acme/acme-failure";
import type { AcmeCaSettings, AcmeStep } from "@/lib/acme/acme-types";
import { systemNow } from "@/lib/clock";
import { getConfig } from "@/lib/config";

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const BAD_NONCE = "urn:ietf:params:acme:error:badNonce";
/** How long acme-client polls a challenge or order before we look again on the next run: about 7 s. */
const POLLING = { backoffAttempts: 6, backoffMin: 250, backoffMax: 3_000 };

export class AcmeTransportError extends Error {
  constructor(readonly outcome: AcmeTransportOutcome) {
    super(outcome.kind === "transport" ? outcome.message : `HTTP ${outcome.status}`);
    this.name = "AcmeTransportError";
  }
}

type Route = { bundle: string | undefined; agent: Agent | undefined; timeoutMs: number };
type TransportState = {
  /** Per runAcmeStep call: the badNonce answer acme-client last retried, if the step is still failing on it. */
  stepContext: AsyncLocalStorage<{ lastBadNonce: AcmeTransportOutcome | null }>;
  routes: Map<string, Route>;
};

// acme-client is one module per process, but Next.js bundles this file into every server
// chunk that uses it, and the last copy loaded installs its adapter on acme-client's axios.
// The state the adapter and the steps share lives on the process, once, so a step run from
// one route's copy sees the routes and badNonce answers of the adapter another copy installed.
const STATE_KEY = Symbol.for("certdesk.acme-transport.state");
const state: TransportState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] as TransportState | undefined) ?? {
  stepContext: new AsyncLocalStorage(),
  routes: new Map(),
};
(globalThis as Record<symbol, unknown>)[STATE_KEY] = state;
const { stepContext, routes } = state;

/** An AcmeTransportError of any bundled copy of this module (instanceof sees only its own class). */
export function isAcmeTransportError(error: unknown): error is AcmeTransportError {
  return error instanceof Error && error.name === "AcmeTransportError" && "outcome" in error;
}

function originOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : "";
  } catch {
    return "";
  }
}

function header(response: AxiosResponse, name: string): string | null {
  const value: unknown = response.headers[name];
  return typeof value === "string" ? value : null;
}

/** The body as JSON when it is JSON: inside the adapter it is still the raw text (axios parses it later). */
function bodyOf(response: AxiosResponse): unknown {
  const data: unknown = response.data;
  if (typeof data !== "string" && !Buffer.isBuffer(data)) return data;
  const text = data.toString();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function outcomeOf(response: AxiosResponse): AcmeTransportOutcome {
  const data = bodyOf(response);
  const retryAfter = header(response, "retry-after");
  if (data && typeof data === "object" && ("type" in data || "detail" in data)) {
    const problem = data as { type?: unknown; detail?: unknown };
    return {
      kind: "problem",
      status: response.status,
      type: typeof problem.type === "string" ? problem.type : null,
      detail: typeof problem.detail === "string" ? problem.detail : "",
      retryAfter,
    };
  }
  return { kind: "http", status: response.status, body: typeof data === "string" ? data : "", retryAfter };
}

const httpAdapter = getAdapter("http");

async function certdeskAdapter(config: InternalAxiosRequestConfig): Promise<AxiosResponse> {
  const route = routes.get(originOf(config.url));
  if (route?.agent) config.httpsAgent = route.agent;
  config.timeout = route?.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  try {
    return await httpAdapter(config);
  } catch (error) {
    const response = isAxiosError(error) ? error.response : undefined;
    if (!response) {
      const code = (error as { code?: unknown }).code;
      throw new AcmeTransportError({
        kind: "transport",
        code: typeof code === "string" ? code : null,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    // acme-client's interceptor rejects every response and turns good ones (and the
    // badNonce it retries) back into responses; only the other errors become ours.
    const outcome = outcomeOf(response);
    const step = stepContext.getStore();
    if (outcome.kind === "problem" && outcome.type === BAD_NONCE) {
      if (step) step.lastBadNonce = outcome;
      throw error;
    }
    if (step) step.lastBadNonce = null;
    if (response.status < 400) throw error;
    throw new AcmeTransportError(outcome);
  }
}

acmeAxios.defaults.adapter = certdeskAdapter;

/** The HTTPS trust and time limit for requests to this CA's host. */
function routeFor(ca: AcmeCaSettings): void {
  const origin = originOf(ca.directoryUrl);
  const bundle = ca.caBundlePem ?? getConfig().acmeCaBundlePem;
  const timeoutMs = ca.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const current = routes.get(origin);
  if (current && current.bundle === bundle && current.timeoutMs === timeoutMs) return;
  // The bundle replaces the system roots for this host only; other hosts keep them.
  routes.set(origin, { bundle, timeoutMs, agent: bundle ? new Agent({ ca: bundle, keepAlive: false }) : undefined });
}

/**
 * An acme-client Client for `ca`, signing with the account key. `accountUrl` makes
 * requests use the account's kid; EAB is attached only when `withEab` (it is only
 * sent with newAccount anyway).
 */
export function openAcmeClient(
  ca: AcmeCaSettings,
  account: { accountKeyPem: string; accountUrl?: string },
  options: { withEab?: boolean } = {},
): Client {
  routeFor(ca);
  const eab = options.withEab ? ca.externalAccountBinding : null;
  return new Client({
    directoryUrl: ca.directoryUrl,
    accountKey: account.accountKeyPem,
    accountUrl: account.accountUrl,
    externalAccountBinding: eab ? { kid: eab.keyId, hmacKey: eab.hmacKey } : undefined,
    ...POLLING,
  });
}

/** GET the directory through the same transport (trust, timeout, error mapping). */
export async function fetchAcmeDirectory(ca: AcmeCaSettings): Promise<unknown> {
  routeFor(ca);
  const response = await acmeAxios.get<unknown>(ca.directoryUrl);
  return response.data;
}

/**
 * Runs one protocol step and turns whatever it throws into an AcmeError for `step`;
 * an AcmeError from inside passes through.
 */
export async function runAcmeStep<T>(step: AcmeStep, ca: AcmeCaSettings, run: () => Promise<T>): Promise<T> {
  return stepContext.run({ lastBadNonce: null }, async () => {
    try {
      return await run();
    } catch (error) {
      throw toAcmeError(error, step, ca);
    }
  });
}

export function toAcmeError(error: unknown, step: AcmeStep, ca: AcmeCaSettings): AcmeError {
  if (error instanceof AcmeError) return error;
  // acme-client gave up retrying badNonce and threw the answer's text: the answer itself was kept.
  const lastBadNonce = stepContext.getStore()?.lastBadNonce;
  const outcome = isAcmeTransportError(error) ? error.outcome : lastBadNonce;
  if (outcome) {
    const failure = failureFromOutcome(outcome, {
      step,
      eabConfigured: Boolean(ca.externalAccountBinding),
      now: systemNow(),
    });
    return new AcmeError(failure, step, { cause: error });
  }
  // acme-client's own complaints ("did not return an order link", an unexpected status).
  const detail = error instanceof Error ? error.message : String(error);
  return new AcmeError(acmeFailure("CA_REFUSED", detail), step, { cause: error });
}
