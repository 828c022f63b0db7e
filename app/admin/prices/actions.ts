"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { freeCertificateLimitInputSchema } from "@/lib/admin/free-certificate-limit-input";
import { updateFreeCertificateLimit } from "@/lib/admin/update-free-certificate-limit";
import { updatePrice } from "@/lib/admin/update-price";
import { updatePriceInputSchema } from "@/lib/admin/update-price-input";

// A bad price comes back as fieldErrors.price = ["INVALID" | "TOO_LARGE"], which the dialog
// translates; the dialog checks with the same schema before it sends.
export const updatePriceAction = authedAction(
  updatePriceInputSchema,
  { name: "updatePrice", role: "ADMIN" },
  ({ priceId, priceMinor, currency, autoRenewSupported, purchasable, maxDomains, free }, { user, ip, now }) =>
    updatePrice(
      user,
      { priceId, priceMinor, currency, autoRenewSupported, purchasable, maxDomains, free },
      { ip, now },
    ),
);

export const updateFreeCertificateLimitAction = authedAction(
  freeCertificateLimitInputSchema,
  { name: "updateFreeCertificateLimit", role: "ADMIN" },
  ({ limit }, { user, ip, now }) => updateFreeCertificateLimit(user, { limit }, { ip, now }),
);
