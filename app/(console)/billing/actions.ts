"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { topUpBalance } from "@/lib/billing/top-up-balance";
import { topUpInputSchema } from "@/lib/billing/top-up-input";

// A bad amount comes back as fieldErrors.amount = [TopUpAmountProblem], which the dialog
// translates; the dialog checks with the same schema before it sends.
export const topUpAction = authedAction(
  topUpInputSchema,
  { name: "topUp" },
  ({ providerId, amountMinor, currency, idempotencyToken }, { user, ip, now }) =>
    topUpBalance({ ownerId: user.id, providerId, amountMinor, currency, idempotencyToken, actorId: user.id, ip, now }),
);
