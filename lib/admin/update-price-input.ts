// What the price dialog sends and the action parses. A bad price is an issue at "price"
// whose message is INVALID or TOO_LARGE, which the dialog translates. Client-safe
// (zod/mini, pure); lib/admin/update-price.ts has the last word.
import * as z from "zod/mini";
import { parseMajorAmount } from "@/lib/money";
import { amountTextField, currencyCodeField } from "@/lib/money-fields";

/** The highest price accepted, in minor units (100,000.00 in a two-decimal currency). */
export const MAX_PRICE_MINOR = 10_000_000;

function priceProblem(price: string, currency: string): "INVALID" | "TOO_LARGE" | null {
  const priceMinor = parseMajorAmount(price, currency);
  if (priceMinor === null || priceMinor <= 0) return "INVALID";
  return priceMinor > MAX_PRICE_MINOR ? "TOO_LARGE" : null;
}

const updatePriceFields = z
  .object({
    priceId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    price: amountTextField,
    currency: currencyCodeField,
    autoRenewSupported: z.boolean(),
  })
  .check(
    z.superRefine((input, ctx) => {
      const problem = priceProblem(input.price, input.currency);
      if (problem) ctx.addIssue({ code: "custom", path: ["price"], message: problem, input: input.price });
    }),
  );

export const updatePriceInputSchema = z.pipe(
  updatePriceFields,
  z.transform((input) => ({ ...input, priceMinor: parseMajorAmount(input.price, input.currency) ?? 0 })),
);
