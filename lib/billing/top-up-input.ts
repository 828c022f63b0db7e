// What the top-up dialog sends and the top-up action parses: the amount as typed, with
// the currency the dialog showed it in. A bad amount is an issue at "amount" whose message
// is the TopUpAmountProblem, which the dialog translates. Client-safe (zod/mini, pure).
import * as z from "zod/mini";
import { parseTopUpAmount } from "@/lib/billing/top-up-amount";
import { amountTextField, currencyCodeField } from "@/lib/money-fields";

// The amount is checked on the object (it needs the currency) so that its problem is
// reported together with the other fields', not only once they are right.
const topUpFields = z
  .object({
    providerId: z.string().check(z.trim(), z.minLength(1, "REQUIRED"), z.maxLength(40)),
    amount: amountTextField,
    currency: currencyCodeField,
    idempotencyToken: z.uuid(),
  })
  .check(
    z.superRefine((input, ctx) => {
      const parsed = parseTopUpAmount(input.amount, input.currency);
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.problem, input: input.amount });
    }),
  );

export const topUpInputSchema = z.pipe(
  topUpFields,
  z.transform((input) => {
    const parsed = parseTopUpAmount(input.amount, input.currency);
    return { ...input, amountMinor: parsed.ok ? parsed.amountMinor : 0 };
  }),
);
