// What the credit-or-debit dialog sends and the action parses. Field problems are issues
// whose message is a code (amount: INVALID | TOO_LARGE, reason: REQUIRED | TOO_LONG), which
// the dialog translates. Client-safe (zod/mini, pure); lib/admin/adjust-balance.ts has the last word.
import * as z from "zod/mini";
import { ADJUSTMENT_DIRECTIONS, MAX_ADJUSTMENT_MINOR, MAX_REASON_LENGTH } from "@/lib/admin/adjust-balance-limits";
import { parseMajorAmount } from "@/lib/money";
import { amountTextField, currencyCodeField } from "@/lib/money-fields";

function adjustmentAmountProblem(amount: string, currency: string): "INVALID" | "TOO_LARGE" | null {
  const amountMinor = parseMajorAmount(amount, currency);
  if (amountMinor === null || amountMinor <= 0) return "INVALID";
  return amountMinor > MAX_ADJUSTMENT_MINOR ? "TOO_LARGE" : null;
}

// The amount is checked on the object (it needs the currency) so that its problem is
// reported together with the reason's, not only once the reason is right.
const adjustBalanceFields = z
  .object({
    customerId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    direction: z.enum(ADJUSTMENT_DIRECTIONS),
    amount: amountTextField,
    currency: currencyCodeField,
    reason: z.string().check(z.trim(), z.minLength(1, "REQUIRED"), z.maxLength(MAX_REASON_LENGTH, "TOO_LONG")),
    operationId: z.uuid(),
  })
  .check(
    z.superRefine((input, ctx) => {
      const problem = adjustmentAmountProblem(input.amount, input.currency);
      if (problem) ctx.addIssue({ code: "custom", path: ["amount"], message: problem, input: input.amount });
    }),
  );

export const adjustBalanceInputSchema = z.pipe(
  adjustBalanceFields,
  z.transform((input) => ({ ...input, amountMinor: parseMajorAmount(input.amount, input.currency) ?? 0 })),
);
