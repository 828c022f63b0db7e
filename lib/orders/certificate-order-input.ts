// The one schema of an order, used by the order form before it sends and by the server
// action that parses what arrives. The names and the CSR are checked further, against the
// product, by checkOrderNames and parseCertificateRequest.
import { z } from "zod";
import { MAX_CSR_BYTES } from "@/lib/csr/csr-problems";
import { MAX_NAME_LENGTH } from "@/lib/orders/check-order-names";

import { ORDER_KEY_ALGORITHMS } from "@/lib/orders/order-key-algorithms";
import { organizationDetailsInput } from "@/lib/organization-review/organization-details-input";

export { DEFAULT_ORDER_KEY_ALGORITHM, ORDER_KEY_ALGORITHMS } from "@/lib/orders/order-key-algorithms";
/** The customer's choice; validation is automatic (DNS_AUTO) wherever every name is hosted with us. */
export const ORDER_VALIDATION_METHODS = ["DNS", "FILE"] as const;
/** More names than any product sells: the product's own maximum is checked against the catalogue. */
export const MAX_ORDER_NAMES = 250;

export const certificateOrderInput = z.object({
  /** A UUID the order page makes once: replaying the request finds the same order. */
  idempotencyKey: z.uuid(),
  flow: z.enum(["PURCHASE", "FREE"]),
  productId: z.string().trim().min(1).max(64),
  domainCount: z.number().int().min(1).max(MAX_ORDER_NAMES),
  names: z
    .array(z.string().max(MAX_NAME_LENGTH + 10))
    .min(1)
    .max(MAX_ORDER_NAMES),
  validationMethod: z.enum(ORDER_VALIDATION_METHODS),
  key: z.discriminatedUnion("source", [
    z.object({ source: z.literal("GENERATE"), algorithm: z.enum(ORDER_KEY_ALGORITHMS) }),
    z.object({ source: z.literal("CSR"), csrPem: z.string().max(MAX_CSR_BYTES) }),
  ]),
  autoRenew: z.boolean(),
  /** OV and EV only (required there): the organisation an administrator reviews. */
  organization: organizationDetailsInput.optional(),
  /**
   * OV/EV renewed by hand: the customer's certificate this order renews. Its product and
   * names are the certificate's (the server takes them from it); the rest is ordered anew.
   */
  renewsCertificateId: z.string().trim().min(1).max(64).optional(),
});

export type CertificateOrderInput = z.infer<typeof certificateOrderInput>;
