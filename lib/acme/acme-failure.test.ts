// The mapping from what a CA says to what the caller does, with problem documents as
// Pebble and Let's Encrypt send them.
import { describe, expect, it } from "vitest";
import {
  type AcmeTransportOutcome,
  acmeFailure,
  failureFromOutcome,
  failureFromValidationError,
  parseRetryAfter,
  RECOVERY,
} from "@/lib/acme/acme-failure";
import type { AcmeStep } from "@/lib/acme/acme-types";

const NOW = new Date("2026-12-01T10:00:00Z");
const problem = (
  type: string,
  status: number,
  detail = "d",
  retryAfter: string | null = null,
): AcmeTransportOutcome => ({
  kind: "problem",
  status,
  type: `urn:ietf:params:acme:error:${type}`,
  detail,
  retryAfter,
});
const map = (outcome: AcmeTransportOutcome, step: AcmeStep, eabConfigured = true) =>
  failureFromOutcome(outcome, { step, eabConfigured, now: NOW });

describe("failureFromOutcome", () => {
  it("tells the account's refusals apart: EAB required, EAB refused, terms, gone", () => {
    expect(map(problem("externalAccountRequired", 403), "account", false).reason).toBe("EAB_REQUIRED");
    // Pebble: "external account binding JWS verification error"
    expect(map(problem("unauthorized", 403), "account", true)).toMatchObject({
      reason: "EAB_REFUSED",
      recovery: "operator",
      transient: false,
    });
    expect(map(problem("unauthorized", 403), "account", false).reason).toBe("ACCOUNT_REFUSED");
    expect(map(problem("agreementRequired", 403), "account").reason).toBe("TERMS_NOT_ACCEPTED");
    expect(map(problem("userActionRequired", 403), "order").reason).toBe("TERMS_NOT_ACCEPTED");
    expect(map(problem("accountDoesNotExist", 400), "order")).toMatchObject({
      reason: "ACCOUNT_GONE",
      recovery: "new-account",
    });
  });

  it("retries only what may pass by itself, and keeps Retry-After", () => {
    expect(map(problem("rateLimited", 429, "too many certificates", "3600"), "order")).toMatchObject({
      reason: "RATE_LIMITED",
      transient: true,
      retryAfterSeconds: 3600,
    });
    expect(map(problem("serverInternal", 500), "finalize")).toMatchObject({ reason: "CA_ERROR", transient: true });
    expect(map(problem("badNonce", 400), "order")).toMatchObject({ reason: "BAD_NONCE", transient: true });
    expect(map({ kind: "http", status: 503, body: "<html>busy</html>", retryAfter: "120" }, "order")).toMatchObject({
      reason: "CA_ERROR",
      transient: true,
      retryAfterSeconds: 120,
      detail: "HTTP 503: <html>busy</html>",
    });
    expect(
      map({ kind: "transport", code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:14000" }, "finalize"),
    ).toMatchObject({ reason: "CA_UNREACHABLE", recovery: "retry", detail: "connect ECONNREFUSED 127.0.0.1:14000" });
    expect(
      map({ kind: "transport", code: "ECONNABORTED", message: "timeout of 30000ms exceeded" }, "order"),
    ).toMatchObject({
      reason: "CA_UNREACHABLE",
      detail: "ECONNABORTED: timeout of 30000ms exceeded",
    });
  });

  it("reports certificate problems of the CA's HTTPS as TLS_ERROR, for the operator", () => {
    for (const code of [
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "SELF_SIGNED_CERT_IN_CHAIN",
      "CERT_HAS_EXPIRED",
      "ERR_TLS_CERT_ALTNAME_INVALID",
      "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    ]) {
      expect(map({ kind: "transport", code, message: "m" }, "directory")).toMatchObject({
        reason: "TLS_ERROR",
        recovery: "operator",
      });
    }
  });

  it("reads a 404 as a wrong directory URL at the directory step, as a vanished order later", () => {
    expect(map({ kind: "http", status: 404, body: "404 page not found", retryAfter: null }, "directory").reason).toBe(
      "NOT_AN_ACME_DIRECTORY",
    );
    // Pebble after a restart: "No order for ID ..."
    expect(map(problem("malformed", 404, "No order for ID 7"), "order")).toMatchObject({
      reason: "ORDER_GONE",
      recovery: "new-order",
    });
    expect(map({ kind: "http", status: 404, body: "", retryAfter: null }, "certificate").reason).toBe("ORDER_GONE");
  });

  it("names what the customer or the request must change", () => {
    expect(map(problem("caa", 403), "finalize")).toMatchObject({ reason: "CAA_FORBIDS", recovery: "new-order" });
    expect(map(problem("rejectedIdentifier", 400), "order")).toMatchObject({
      reason: "REJECTED_IDENTIFIER",
      recovery: "fix-request",
    });
    expect(map(problem("badCSR", 400), "finalize").reason).toBe("CSR_REJECTED");
    expect(map(problem("orderNotReady", 403), "finalize").reason).toBe("ORDER_NOT_READY");
    expect(map(problem("malformed", 400, "bad JWS"), "order")).toMatchObject({
      reason: "CA_REFUSED",
      detail: "bad JWS",
    });
  });
});

describe("failureFromValidationError", () => {
  it("reads a failed DNS-01 challenge as the record not found, for that domain", () => {
    // Pebble's words when no TXT is there, and when a wrong one is.
    for (const detail of [
      'Error retrieving TXT records for DNS challenge ("dns: bad rdata")',
      "Correct value not found for DNS challenge",
    ]) {
      expect(
        failureFromValidationError({ type: "urn:ietf:params:acme:error:unauthorized", detail }, "*.example.test"),
      ).toEqual({
        reason: "RECORD_NOT_FOUND",
        recovery: "new-order",
        transient: false,
        detail,
        problemType: "urn:ietf:params:acme:error:unauthorized",
        domain: "*.example.test",
        retryAfterSeconds: null,
      });
    }
    // Let's Encrypt: "DNS problem: NXDOMAIN looking up TXT for _acme-challenge.example.test"
    expect(failureFromValidationError({ type: "urn:ietf:params:acme:error:dns" }, "example.test").reason).toBe(
      "RECORD_NOT_FOUND",
    );
    expect(
      failureFromValidationError(
        { type: "urn:ietf:params:acme:error:caa", detail: "CAA record forbids" },
        "example.test",
      ).reason,
    ).toBe("CAA_FORBIDS");
    expect(failureFromValidationError(null, "example.test").reason).toBe("RECORD_NOT_FOUND");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120);
    expect(parseRetryAfter("Tue, 01 Dec 2026 11:00:00 GMT", NOW)).toBe(3600);
    expect(parseRetryAfter("Tue, 01 Dec 2026 09:00:00 GMT", NOW)).toBe(0);
    expect(parseRetryAfter("soon", NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});

describe("recoveries", () => {
  it("are transient exactly when they say retry", () => {
    for (const reason of Object.keys(RECOVERY) as (keyof typeof RECOVERY)[]) {
      const failure = acmeFailure(reason, "x");
      expect(failure.transient).toBe(failure.recovery === "retry");
    }
    expect(
      Object.entries(RECOVERY)
        .filter(([, recovery]) => recovery === "retry")
        .map(([reason]) => reason)
        .sort(),
    ).toEqual(["BAD_NONCE", "CA_ERROR", "CA_UNREACHABLE", "RATE_LIMITED"]);
  });
});
