import "server-only";
import { sql } from "kysely";
import { selectFeeCandidateCertificates } from "@/lib/billing/fee-candidate-certificates";
import { findPrice, listPrices } from "@/lib/billing/list-prices";
import { readFeeAccount } from "@/lib/billing/read-fee-account";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/typed-sql";
import type { FeeAccount, RenewalFeeGroup } from "@/lib/renewal/plan-renewal-fees";

/** One owner's account and renewal fee candidates counted per product and validity. */
export type UpcomingFeeGroups = { account: FeeAccount | undefined; groups: RenewalFeeGroup[] };

/**
 * The candidates listUpcomingDeductions lists for the same window, at today's prices,
 * counted per product and validity instead: a handful of rows however large the account,
 * enough for balanceCoversEveryFee to tell, on every console page, that the balance holds
 * every fee without the rows.
 */
export async function listUpcomingFeeGroups(
  ownerId: string,
  window: { now: Date; until: Date },
): Promise<UpcomingFeeGroups> {
  const [account, rows, prices] = await Promise.all([
    readFeeAccount(ownerId),
    queryRows(
      db,
      selectFeeCandidateCertificates(ownerId, window)
        .select((eb) => [
          "c.brand",
          "c.certificateType",
          "c.domainType",
          "c.validityYears",
          sql<number>`count(*)::int`.as("count"),
          eb.fn.max("c.expiresAt").$notNull().as("latestExpiresAt"),
        ])
        .groupBy(["c.brand", "c.certificateType", "c.domainType", "c.validityYears"]),
    ),
    listPrices(),
  ]);
  return {
    account,
    groups: rows.map((row) => ({
      validityYears: row.validityYears,
      price: findPrice(prices, row),
      count: row.count,
      latestExpiresAt: row.latestExpiresAt,
    })),
  };
}
