import "server-only";
import { findPrice, type PriceRow } from "@/lib/billing/list-prices";
import type { DbTransaction, db } from "@/lib/db/client";
import { boundNamesOfCovered } from "@/lib/orders/check-order-names";
import { type ManualRenewalFailure, manualRenewalFailures, renewedExpiry } from "@/lib/renewal/auto-renew-rules";
import { loadRenewalFacts, type RenewalFacts } from "@/lib/renewal/load-renewal-facts";

export type RenewalOrderBasis = {
  facts: RenewalFacts;
  /** Why it cannot be renewed through the order form now; empty when it can. */
  failures: ManualRenewalFailure[];
  /** The product the renewal is ordered as: the one-year price row of its brand, type and domain type. */
  price: PriceRow | undefined;
  /** The names ordered again, locked: the certificate's bound names. */
  names: string[];
  /** The renewal's expiry by the built-in CA's rule: the old expiry plus one year. */
  validUntil: Date | null;
};

/**
 * What an OV/EV renewal through the order form starts from: one of the owner's
 * certificates (null when it is not theirs or is deleted: "not found"), the manual-renewal
 * rule in its order flow, the product and the names. The order page and
 * placeCertificateOrder ask the same question here.
 */
export async function loadRenewalOrder(
  client: DbTransaction | typeof db,
  ownerId: string,
  certificateId: string,
  now: Date,
): Promise<RenewalOrderBasis | null> {
  const loaded = await loadRenewalFacts(client, ownerId, certificateId);
  if (!loaded) return null;
  const { facts, prices } = loaded;
  const price = findPrice(prices, facts);
  return {
    facts,
    failures: manualRenewalFailures(facts, Boolean(price), now, "ORDER"),
    price,
    names: boundNamesOfCovered([facts.domain, ...facts.sans], facts.domainType),
    validUntil: facts.expiresAt ? renewedExpiry(facts.expiresAt) : null,
  };
}
