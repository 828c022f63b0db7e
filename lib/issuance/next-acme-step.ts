// What the job does next with a pending certificate of an ACME issuer, from what is
// stored on it. Pure: the job runs it between steps, so one run may go from a new order
// to the issued chain when nothing has to wait (a hosted zone), or stop where the
// certificate must wait (a customer's record, a CA that is down, a CA still deciding).
import { RECOVERY } from "@/lib/acme/acme-failure";
import type { AcmeFailureReason, AcmeOrderState } from "@/lib/acme/acme-types";

export type AcmeCertificateStep =
  /** A transient failure is backing off: nothing before `until`. */
  | { kind: "wait"; until: Date }
  /** No order yet, or the CA forgot it (ORDER_GONE, ACCOUNT_GONE): a new one. */
  | { kind: "create-order"; registerAccount: boolean }
  /** Challenges not answered yet: look the records up at the authoritative servers, answer once all are there. */
  | { kind: "await-records" }
  /** Answered; the CA has not decided: ask again. */
  | { kind: "refresh" }
  /** Every authorization is valid: finalize with the CSR (or download the chain). */
  | { kind: "finalize" }
  /** The order failed for a reason that needs someone (record wrong, CAA, policy): nothing more until then. */
  | { kind: "failed" };

export type AcmeCertificateFacts = {
  order: AcmeOrderState | null;
  /** The last stored failure's reason, if any. */
  failureReason: AcmeFailureReason | null;
  nextAttemptAt: Date | null;
  now: Date;
  /**
   * The customer asked ("Verify now") after fixing what failed the order (the record, a
   * CAA record): an order the CA ended for such a reason is replaced by a new one.
   */
  startOverFailedOrder?: boolean;
};

/** Failures after which the stored order is useless and a new one is the way on. */
const START_AGAIN: readonly AcmeFailureReason[] = ["ORDER_GONE", "ACCOUNT_GONE"];

export function nextAcmeStep(facts: AcmeCertificateFacts): AcmeCertificateStep {
  if (facts.nextAttemptAt && facts.nextAttemptAt.getTime() > facts.now.getTime()) {
    return { kind: "wait", until: facts.nextAttemptAt };
  }
  if (facts.failureReason && START_AGAIN.includes(facts.failureReason)) {
    return { kind: "create-order", registerAccount: facts.failureReason === "ACCOUNT_GONE" };
  }
  const { order } = facts;
  if (!order) return { kind: "create-order", registerAccount: false };
  switch (order.status) {
    case "invalid":
      return facts.startOverFailedOrder &&
        RECOVERY[order.failure?.reason ?? facts.failureReason ?? "ORDER_INVALID"] === "new-order"
        ? { kind: "create-order", registerAccount: false }
        : { kind: "failed" };
    case "ready":
    case "processing":
    case "valid":
      return { kind: "finalize" };
    case "pending":
      return order.authorizations.some(
        (authorization) => authorization.status === "pending" && authorization.dns01?.status === "pending",
      )
        ? { kind: "await-records" }
        : { kind: "refresh" };
  }
}

/** The distinct DNS-01 records an order needs (an apex and its wildcard share a name, not a value). */
export function acmeOrderRecords(order: AcmeOrderState): { name: string; value: string }[] {
  const records: { name: string; value: string }[] = [];
  for (const authorization of order.authorizations) {
    const record = authorization.dns01?.record;
    if (authorization.status !== "pending" || !record) continue;
    if (!records.some((known) => known.name === record.name && known.value === record.value)) {
      records.push({ name: record.name, value: record.value });
    }
  }
  return records;
}
