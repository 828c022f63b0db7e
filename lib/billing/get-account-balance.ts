import "server-only";
import { readFeeAccount } from "@/lib/billing/read-fee-account";

export type AccountBalance = { balanceMinor: number; currency: string };

/** The owner's balance; scoped by owner, so it can only ever return the caller's own. */
export async function getAccountBalance(ownerId: string): Promise<AccountBalance> {
  return (await readFeeAccount(ownerId)) ?? { balanceMinor: 0, currency: "USD" };
}
