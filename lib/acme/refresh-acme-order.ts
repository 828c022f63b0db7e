// Where a stored order stands at the CA now: the next job run's first step.
import "server-only";
import { runAcmeStep } from "@/lib/acme/acme-transport";
import type { AcmeAccount, AcmeCaSettings, AcmeOrderState } from "@/lib/acme/acme-types";
import { loadAcmeOrder } from "@/lib/acme/load-acme-order";

/**
 * The order's current state (statuses, records, failure). Throws AcmeError (step
 * "order"): CA_UNREACHABLE (retry later, the order is as it was), ORDER_GONE (the CA no
 * longer has it: create a new order), ACCOUNT_GONE (register the account again, then a
 * new order).
 */
export async function refreshAcmeOrder(input: {
  ca: AcmeCaSettings;
  account: AcmeAccount;
  state: AcmeOrderState;
}): Promise<AcmeOrderState> {
  return runAcmeStep("order", input.ca, async () => (await loadAcmeOrder(input.ca, input.account, input.state)).state);
}
