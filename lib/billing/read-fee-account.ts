import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { FeeAccount } from "@/lib/renewal/plan-renewal-fees";

/**
 * The owner's balance and currency, or undefined without an account. Read once per server
 * render: the header's balance and the balance warning both ask on every console page
 * (outside a render, e.g. in a route handler or the job, each call reads).
 */
export const readFeeAccount = cache(async (ownerId: string): Promise<FeeAccount | undefined> => {
  const account = await db.billingAccount.findUnique({
    where: { ownerId },
    select: { balanceMinor: true, currency: true },
  });
  return account ?? undefined;
});
