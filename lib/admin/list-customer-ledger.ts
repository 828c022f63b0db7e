import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import type { LedgerListParams } from "@/lib/billing/ledger-list-query";
import { type LedgerPage, listLedgerEntries } from "@/lib/billing/list-ledger-entries";

/** A customer's ledger, as they see it in Billing, for an administrator. */
export async function listCustomerLedger(
  actor: Actor,
  customerId: string,
  params: LedgerListParams,
  context: { now: Date; timeZone: string },
): Promise<LedgerPage> {
  assertAdmin(actor);
  return listLedgerEntries(customerId, params, context.timeZone);
}
