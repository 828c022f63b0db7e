"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { parseTopUpAmount } from "@/lib/billing/top-up-amount";
import { topUpBalance } from "@/lib/billing/top-up-balance";

// The amount comes as typed, with the currency the dialog showed it in. A bad amount
// comes back as fieldErrors.amount = [TopUpAmountProblem], which the dialog translates.
const topUpInput = z
  .object({
    providerId: z.string().trim().min(1).max(40),
    amount: z.string().max(32),
    currency: z.string().regex(/^[A-Z]{3}$/),
    idempotencyToken: z.uuid(),
  })
  .transform((input, ctx) => {
    const parsed = parseTopUpAmount(input.amount, input.currency);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.problem });
      return z.NEVER;
    }
    return { ...input, amountMinor: parsed.amountMinor };
  });

export const topUpAction = authedAction(
  topUpInput,
  { name: "topUp" },
  ({ providerId, amountMinor, currency, idempotencyToken }, { user, ip, now }) =>
    topUpBalance({ ownerId: user.id, providerId, amountMinor, currency, idempotencyToken, actorId: user.id, ip, now }),
);
