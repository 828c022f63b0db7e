"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { MAX_PRICE_MINOR, updatePrice } from "@/lib/admin/update-price";
import { parseMajorAmount } from "@/lib/money";

// A bad price comes back as fieldErrors.price = ["INVALID" | "TOO_LARGE"], which the dialog translates.
const updatePriceInput = z
  .object({
    priceId: z.string().trim().min(1).max(64),
    price: z.string().max(32),
    currency: z.string().regex(/^[A-Z]{3}$/),
    autoRenewSupported: z.boolean(),
  })
  .transform((input, ctx) => {
    const priceMinor = parseMajorAmount(input.price, input.currency);
    if (priceMinor === null || priceMinor <= 0) {
      ctx.addIssue({ code: "custom", path: ["price"], message: "INVALID" });
      return z.NEVER;
    }
    if (priceMinor > MAX_PRICE_MINOR) {
      ctx.addIssue({ code: "custom", path: ["price"], message: "TOO_LARGE" });
      return z.NEVER;
    }
    return { ...input, priceMinor };
  });

export const updatePriceAction = authedAction(
  updatePriceInput,
  { name: "updatePrice", role: "ADMIN" },
  ({ priceId, priceMinor, currency, autoRenewSupported }, { user, ip, now }) =>
    updatePrice(user, { priceId, priceMinor, currency, autoRenewSupported }, { ip, now }),
);
