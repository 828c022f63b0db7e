import "server-only";
import { getAccountBalance } from "@/lib/billing/get-account-balance";
import { findPrice } from "@/lib/billing/list-prices";
import { db } from "@/lib/db/client";
import { type ManualRenewalFailure, manualRenewalFailures, renewedExpiry } from "@/lib/renewal/auto-renew-rules";
import { loadRenewalFacts } from "@/lib/renewal/load-renewal-facts";

export type ManualRenewalOffer = {
  failures: ManualRenewalFailure[];
  fee: { amountMinor: number; currency: string } | null;
  renewalValidUntil: string | null;
  balance: { amountMinor: number; currency: string };
  shortfallMinor: number;
};

/** What the Renew now dialog shows, from the same rules renewManually enforces. */
export async function getManualRenewalOffer(
  ownerId: string,
  certificateId: string,
  now: Date,
): Promise<ManualRenewalOffer | null> {
  const loaded = await loadRenewalFacts(db, ownerId, certificateId);
  if (!loaded) return null;
  const price = findPrice(loaded.prices, loaded.facts);
  const balance = await getAccountBalance(ownerId);
  const fee = price ? { amountMinor: price.priceMinor, currency: price.currency } : null;
  return {
    failures: manualRenewalFailures(loaded.facts, Boolean(price), now),
    fee,
    renewalValidUntil: loaded.facts.expiresAt ? renewedExpiry(loaded.facts.expiresAt).toISOString() : null,
    balance: { amountMinor: balance.balanceMinor, currency: balance.currency },
    shortfallMinor: fee ? Math.max(0, fee.amountMinor - balance.balanceMinor) : 0,
  };
}
