import { describe, expect, it } from "vitest";
import type { AcmeAuthorizationState, AcmeOrderState } from "@/lib/acme/acme-types";
import { acmeOrderRecords, nextAcmeStep } from "@/lib/issuance/next-acme-step";

const now = new Date("2026-06-15T08:00:00Z");

function authorization(
  domain: string,
  status: AcmeAuthorizationState["status"],
  challenge: "pending" | "processing" | "valid" | "invalid",
  value = `value-${domain}`,
): AcmeAuthorizationState {
  const base = domain.replace(/^\*\./, "");
  return {
    url: `https://ca.test/authz/${domain}`,
    domain,
    status,
    expires: null,
    dns01: {
      url: `https://ca.test/chall/${domain}`,
      status: challenge,
      record: { name: `_acme-challenge.${base}`, type: "TXT", value },
    },
    failure: null,
  };
}

function order(status: AcmeOrderState["status"], authorizations: AcmeAuthorizationState[]): AcmeOrderState {
  return {
    version: 1,
    directoryUrl: "https://ca.test/dir",
    accountUrl: "https://ca.test/acct/1",
    orderUrl: "https://ca.test/order/1",
    finalizeUrl: "https://ca.test/finalize/1",
    certificateUrl: null,
    status,
    expires: null,
    domains: authorizations.map((entry) => entry.domain),
    authorizations,
    failure: null,
  };
}

const facts = { failureReason: null, nextAttemptAt: null, now };

describe("nextAcmeStep", () => {
  it("creates the order when there is none", () => {
    expect(nextAcmeStep({ ...facts, order: null })).toEqual({ kind: "create-order", registerAccount: false });
  });

  it("waits out a backoff, whatever the order's state", () => {
    const until = new Date(now.getTime() + 60_000);
    expect(nextAcmeStep({ ...facts, order: null, failureReason: "CA_UNREACHABLE", nextAttemptAt: until })).toEqual({
      kind: "wait",
      until,
    });
    // Once it has passed, the step it failed at is tried again.
    expect(nextAcmeStep({ ...facts, order: null, failureReason: "CA_UNREACHABLE", nextAttemptAt: now }).kind).toBe(
      "create-order",
    );
  });

  it("starts again when the CA forgot the order or the account", () => {
    const pending = order("pending", [authorization("a.test", "pending", "pending")]);
    expect(nextAcmeStep({ ...facts, order: pending, failureReason: "ORDER_GONE" })).toEqual({
      kind: "create-order",
      registerAccount: false,
    });
    expect(nextAcmeStep({ ...facts, order: pending, failureReason: "ACCOUNT_GONE" })).toEqual({
      kind: "create-order",
      registerAccount: true,
    });
  });

  it("looks for the records while a challenge is unanswered, refreshes once all are answered", () => {
    expect(
      nextAcmeStep({
        ...facts,
        order: order("pending", [
          authorization("a.test", "valid", "valid"),
          authorization("*.a.test", "pending", "pending"),
        ]),
      }).kind,
    ).toBe("await-records");
    expect(
      nextAcmeStep({ ...facts, order: order("pending", [authorization("a.test", "pending", "processing")]) }).kind,
    ).toBe("refresh");
  });

  it("finalizes a ready, processing or valid order; stops at an invalid one", () => {
    for (const status of ["ready", "processing", "valid"] as const) {
      expect(nextAcmeStep({ ...facts, order: order(status, [authorization("a.test", "valid", "valid")]) }).kind).toBe(
        "finalize",
      );
    }
    expect(
      nextAcmeStep({ ...facts, order: order("invalid", [authorization("a.test", "invalid", "invalid")]) }).kind,
    ).toBe("failed");
  });
});

describe("acmeOrderRecords", () => {
  it("lists each pending authorization's record once; an apex and its wildcard share a name, not a value", () => {
    const state = order("pending", [
      authorization("a.test", "pending", "pending", "one"),
      authorization("*.a.test", "pending", "pending", "two"),
      authorization("b.test", "valid", "valid", "three"),
    ]);
    expect(acmeOrderRecords(state)).toEqual([
      { name: "_acme-challenge.a.test", value: "one" },
      { name: "_acme-challenge.a.test", value: "two" },
    ]);
  });
});

describe("nextAcmeStep for an order the CA ended", () => {
  {
    const failed = (reason: "RECORD_NOT_FOUND" | "CAA_FORBIDS" | "REJECTED_IDENTIFIER") => ({
      ...order("invalid", [authorization("a.test", "invalid", "invalid")]),
      failure: {
        reason,
        recovery: "new-order" as const,
        transient: false,
        detail: "x",
        problemType: null,
        domain: "a.test",
        retryAfterSeconds: null,
      },
    });
    it("stays failed until the customer asks again", () => {
      expect(
        nextAcmeStep({
          order: failed("RECORD_NOT_FOUND"),
          failureReason: "RECORD_NOT_FOUND",
          nextAttemptAt: null,
          now,
        }),
      ).toEqual({ kind: "failed" });
    });
    it("is replaced by a new order when the customer asks after fixing the record or CAA", () => {
      for (const reason of ["RECORD_NOT_FOUND", "CAA_FORBIDS"] as const) {
        expect(
          nextAcmeStep({
            order: failed(reason),
            failureReason: reason,
            nextAttemptAt: null,
            now,
            startOverFailedOrder: true,
          }),
        ).toEqual({ kind: "create-order", registerAccount: false });
      }
    });
    it("is not started over for a name the CA refuses: asking again changes nothing", () => {
      expect(
        nextAcmeStep({
          order: failed("REJECTED_IDENTIFIER"),
          failureReason: "REJECTED_IDENTIFIER",
          nextAttemptAt: null,
          now,
          startOverFailedOrder: true,
        }),
      ).toEqual({ kind: "failed" });
    });
  }
});
