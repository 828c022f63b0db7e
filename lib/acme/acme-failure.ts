// From what went wrong talking to a CA (an RFC 8555 problem document, an HTTP status,
// a socket error) to an AcmeFailure: a reason someone can act on and whether a later
// job run should simply try again. Pure: the same input always maps the same way.
import type { AcmeFailure, AcmeFailureReason, AcmeRecovery, AcmeStep } from "@/lib/acme/acme-types";

/** What the transport saw, before any interpretation. */
export type AcmeTransportOutcome =
  /** An error response with an RFC 7807 problem document. */
  | { kind: "problem"; status: number; type: string | null; detail: string; retryAfter: string | null }
  /** An error response without one (an HTML 404 page, a proxy's 502). */
  | { kind: "http"; status: number; body: string; retryAfter: string | null }
  /** No response: the socket or TLS failed. `code` is Node's (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT...). */
  | { kind: "transport"; code: string | null; message: string };

export const RECOVERY: Record<AcmeFailureReason, AcmeRecovery> = {
  CA_UNREACHABLE: "retry",
  CA_ERROR: "retry",
  RATE_LIMITED: "retry",
  BAD_NONCE: "retry",
  TLS_ERROR: "operator",
  NOT_AN_ACME_DIRECTORY: "operator",
  EAB_REQUIRED: "operator",
  EAB_REFUSED: "operator",
  TERMS_NOT_ACCEPTED: "operator",
  ACCOUNT_REFUSED: "operator",
  ACCOUNT_GONE: "new-account",
  ORDER_GONE: "new-order",
  RECORD_NOT_FOUND: "new-order",
  CAA_FORBIDS: "new-order",
  ORDER_INVALID: "new-order",
  REJECTED_IDENTIFIER: "fix-request",
  CSR_REJECTED: "fix-request",
  ORDER_NOT_READY: "fix-request",
  CA_REFUSED: "operator",
};

const PROBLEM_PREFIX = "urn:ietf:params:acme:error:";

/** Node and OpenSSL codes of a TLS handshake that failed on the certificate, not on the network. */
const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|HOSTNAME_MISMATCH$)/;

export function acmeFailure(
  reason: AcmeFailureReason,
  detail: string,
  extra: Partial<Pick<AcmeFailure, "problemType" | "domain" | "retryAfterSeconds">> = {},
): AcmeFailure {
  const recovery = RECOVERY[reason];
  return {
    reason,
    recovery,
    transient: recovery === "retry",
    detail,
    problemType: extra.problemType ?? null,
    domain: extra.domain ?? null,
    retryAfterSeconds: extra.retryAfterSeconds ?? null,
  };
}

/** Retry-After as seconds from `now`: a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function problemReason(
  type: string,
  status: number,
  context: { step: AcmeStep; eabConfigured: boolean },
): AcmeFailureReason {
  switch (type) {
    case "badNonce":
      return "BAD_NONCE";
    case "rateLimited":
      return "RATE_LIMITED";
    case "serverInternal":
      return "CA_ERROR";
    case "externalAccountRequired":
      return "EAB_REQUIRED";
    case "agreementRequired":
    case "userActionRequired":
      return "TERMS_NOT_ACCEPTED";
    case "accountDoesNotExist":
      return "ACCOUNT_GONE";
    case "caa":
      return "CAA_FORBIDS";
    case "rejectedIdentifier":
    case "unsupportedIdentifier":
      return "REJECTED_IDENTIFIER";
    case "badCSR":
      return "CSR_REJECTED";
    case "orderNotReady":
      return "ORDER_NOT_READY";
    case "dns":
    case "incorrectResponse":
    case "connection":
    case "tls":
      // At validation these mean the CA could not find the record (NXDOMAIN, wrong value, server failure).
      return context.step === "challenge" ? "RECORD_NOT_FOUND" : "CA_REFUSED";
    case "unauthorized":
      if (context.step === "challenge") return "RECORD_NOT_FOUND";
      if (context.step === "account") return context.eabConfigured ? "EAB_REFUSED" : "ACCOUNT_REFUSED";
      return "CA_REFUSED";
  }
  if (status === 404 && context.step !== "directory" && context.step !== "account") return "ORDER_GONE";
  if (status === 429) return "RATE_LIMITED";
  if (status >= 500) return "CA_ERROR";
  return "CA_REFUSED";
}

/**
 * The failure for what the transport saw at `step`. `eabConfigured` tells an EAB refusal
 * (Pebble and others answer `unauthorized`) from another refusal of the account.
 */
export function failureFromOutcome(
  outcome: AcmeTransportOutcome,
  context: { step: AcmeStep; eabConfigured: boolean; now: Date },
): AcmeFailure {
  if (outcome.kind === "transport") {
    const code = outcome.code ?? "";
    const detail = code && !outcome.message.includes(code) ? `${code}: ${outcome.message}` : outcome.message;
    return acmeFailure(TLS_CODE.test(code) ? "TLS_ERROR" : "CA_UNREACHABLE", detail);
  }
  const retryAfterSeconds = parseRetryAfter(outcome.retryAfter, context.now);
  if (outcome.kind === "http") {
    const reason: AcmeFailureReason =
      outcome.status === 429
        ? "RATE_LIMITED"
        : outcome.status >= 500
          ? "CA_ERROR"
          : context.step === "directory"
            ? "NOT_AN_ACME_DIRECTORY"
            : outcome.status === 404
              ? "ORDER_GONE"
              : "CA_REFUSED";
    const body = outcome.body.replace(/\s+/g, " ").trim().slice(0, 200);
    return acmeFailure(reason, `HTTP ${outcome.status}${body ? `: ${body}` : ""}`, { retryAfterSeconds });
  }
  const type = outcome.type?.startsWith(PROBLEM_PREFIX) ? outcome.type.slice(PROBLEM_PREFIX.length) : "";
  const reason =
    context.step === "directory" && outcome.status < 500 && outcome.status !== 429
      ? "NOT_AN_ACME_DIRECTORY"
      : problemReason(type, outcome.status, context);
  return acmeFailure(reason, outcome.detail || `HTTP ${outcome.status}`, {
    problemType: outcome.type,
    retryAfterSeconds,
  });
}

/** The failure behind an invalid challenge or authorization (its `error` field), for `domain`. */
export function failureFromValidationError(
  error: { type?: string; detail?: string } | null | undefined,
  domain: string,
): AcmeFailure {
  const type = error?.type?.startsWith(PROBLEM_PREFIX) ? error.type.slice(PROBLEM_PREFIX.length) : "";
  const reason = type ? problemReason(type, 403, { step: "challenge", eabConfigured: false }) : "RECORD_NOT_FOUND";
  return acmeFailure(reason, error?.detail ?? "the CA could not validate the name", {
    problemType: error?.type ?? null,
    domain,
  });
}

/** A failure thrown by the ACME module's functions. */
export class AcmeError extends Error {
  constructor(
    readonly failure: AcmeFailure,
    readonly step: AcmeStep,
    options?: { cause?: unknown },
  ) {
    super(`ACME ${step} failed: ${failure.reason} (${failure.detail})`, options);
    this.name = "AcmeError";
  }
}

export function isAcmeError(error: unknown): error is AcmeError {
  return error instanceof AcmeError;
}
