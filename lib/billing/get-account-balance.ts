import "server-only";
import { db } from "@/lib/db/client";

export type AccountBalance = { balanceMinor: number; currency: string };

/** The owner's balance; scoped by owner, so it can only ever return the caller's own. */
export async function getAccountBalance(ownerId: string): Promise<AccountBalance> {
  const account = await db.billingAccount.findUnique({
    where: { ownerId },
    select: { balanceMinor: true, currency: true },
  });
  return account ?? { balanceMinor: 0, currency: "USD" };
}
