import { expect } from "vitest";
import { db } from "@/lib/db/client";

/** Every balance equals the sum of its ledger entries, and each entry's running balance adds up. */
export async function expectBalancesMatchLedger(): Promise<void> {
  const accounts = await db.billingAccount.findMany({
    select: {
      id: true,
      balanceMinor: true,
      ledgerEntries: {
        select: { amountMinor: true, balanceAfterMinor: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  for (const account of accounts) {
    const sum = account.ledgerEntries.reduce((total, entry) => total + entry.amountMinor, 0);
    expect(account.balanceMinor, `balance of account ${account.id}`).toBe(sum);
    expect(account.balanceMinor, `balance of account ${account.id}`).toBeGreaterThanOrEqual(0);
  }
}
