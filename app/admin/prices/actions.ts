"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { updatePrice } from "@/lib/admin/update-price";
import { updatePriceInputSchema } from "@/lib/admin/update-price-input";

// A bad price comes back as fieldErrors.price = ["INVALID" | "TOO_LARGE"], which the dialog
// translates; the dialog checks with the same schema before it sends.
export const updatePriceAction = authedAction(
  updatePriceInputSchema,
  { name: "updatePrice", role: "ADMIN" },
  ({ priceId, priceMinor, currency, autoRenewSupported }, { user, ip, now }) =>
    updatePrice(user, { priceId, priceMinor, currency, autoRenewSupported }, { ip, now }),
);
