// What the credit-or-debit dialog sends and the action parses. Field problems are issues
// whose message is a code (amount: INVALID | TOO_LARGE, reason: REQUIRED | TOO_LONG), which
// the dialog translates. Client-safe (zod/mini, pure); lib/admin/adjust-balance.ts has the last word.
import * as z from "zod/mini";
import { ADJUSTMENT_DIRECTIONS, MAX_ADJUSTMENT_MINOR, MAX_REASON_LENGTH } from "@/lib/admin/adjust-balance-limits";
import { parseMajorAmount } from "@/lib/money";
import { amountTextField, currencyCodeField } from "@/lib/money-fields";

export const adjustBalanceInputSchema = z.pipe(
  z.object({
    customerId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    direction: z.enum(ADJUSTMENT_DIRECTIONS),
    amount: amountTextField,
    currency: currencyCodeField,
    reason: z.string().check(z.trim(), z.minLength(1, "REQUIRED"), z.maxLength(MAX_REASON_LENGTH, "TOO_LONG")),
    operationId: z.uuid(),
  }),
  z.transform((input, ctx) => {
    const amountMinor = parseMajorAmount(input.amount, input.currency);
    const problem =
      amountMinor === null || amountMinor <= 0 ? "INVALID" : amountMinor > MAX_ADJUSTMENT_MINOR ? "TOO_LARGE" : null;
    if (problem || amountMinor === null) {
      ctx.issues.push({ code: "custom", path: ["amount"], message: problem ?? "INVALID", input: input.amount });
      return z.NEVER;
    }
    return { ...input, amountMinor };
  }),
);
