"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { adjustBalance } from "@/lib/admin/adjust-balance";
import { adjustBalanceInputSchema } from "@/lib/admin/adjust-balance-input";
import { setAccountDisabled } from "@/lib/admin/set-account-disabled";

// Field problems come back as codes (fieldErrors.amount = ["INVALID"]), which the dialog
// translates; the dialog checks with the same schema before it sends.
export const adjustBalanceAction = authedAction(
  adjustBalanceInputSchema,
  { name: "adjustBalance", role: "ADMIN" },
  ({ customerId, direction, amountMinor, currency, reason, operationId }, { user, ip, now }) =>
    adjustBalance(user, { customerId, direction, amountMinor, currency, reason, operationId }, { ip, now }),
);

export const setAccountDisabledAction = authedAction(
  z.object({ userId: z.string().trim().min(1).max(64), disabled: z.boolean() }),
  { name: "setAccountDisabled", role: "ADMIN" },
  (input, { user, ip, now }) => setAccountDisabled(user, input, { ip, now }),
);
