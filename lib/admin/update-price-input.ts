// What the price dialog sends and the action parses. A bad price is an issue at "price"
// whose message is INVALID or TOO_LARGE, which the dialog translates. Client-safe
// (zod/mini, pure); lib/admin/update-price.ts has the last word.
import * as z from "zod/mini";
import { MAX_PRODUCT_DOMAINS } from "@/lib/admin/catalogue-limits";
import { parseMajorAmount } from "@/lib/money";
import { amountTextField, currencyCodeField } from "@/lib/money-fields";

/** The highest price accepted, in minor units (100,000.00 in a two-decimal currency). */
export const MAX_PRICE_MINOR = 10_000_000;

/** A paid product costs more than nothing; a free one costs nothing. */
function priceProblem(price: string, currency: string, free: boolean): "INVALID" | "TOO_LARGE" | null {
  const priceMinor = parseMajorAmount(price, currency);
  if (priceMinor === null || (free ? priceMinor !== 0 : priceMinor <= 0)) return "INVALID";
  return priceMinor > MAX_PRICE_MINOR ? "TOO_LARGE" : null;
}

const updatePriceFields = z
  .object({
    priceId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    price: amountTextField,
    currency: currencyCodeField,
    autoRenewSupported: z.boolean(),
    /** Offered in the order flow. Left out: unchanged. */
    purchasable: z.optional(z.boolean()),
    /** MULTI: the most names a certificate may have. Left out: unchanged. */
    maxDomains: z.optional(
      z.number().check(z.int(), z.minimum(2, "INVALID"), z.maximum(MAX_PRODUCT_DOMAINS, "TOO_LARGE")),
    ),
    /** The row is a free product, as the dialog saw it (its price must stay 0). */
    free: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((input, ctx) => {
      const problem = priceProblem(input.price, input.currency, input.free === true);
      if (problem) ctx.addIssue({ code: "custom", path: ["price"], message: problem, input: input.price });
    }),
  );

export const updatePriceInputSchema = z.pipe(
  updatePriceFields,
  z.transform((input) => ({ ...input, priceMinor: parseMajorAmount(input.price, input.currency) ?? 0 })),
);
