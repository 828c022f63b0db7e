// The one schema of a reissue request: the key and the validation method are chosen as an
// order chooses them (the order's own schema parts), the names and expiry are the
// certificate's and not asked for.
import { z } from "zod";
import { certificateOrderInput } from "@/lib/orders/certificate-order-input";
import type { OrderProblem } from "@/lib/orders/order-problems";

export const reissueCertificateInput = z.object({
  certificateId: z.string().trim().min(1).max(64),
  validationMethod: certificateOrderInput.shape.validationMethod,
  key: certificateOrderInput.shape.key,
});

export type ReissueCertificateInput = z.infer<typeof reissueCertificateInput>;

/** What a reissue refuses by its field, in the order form's vocabulary (certificateOrder.key, .validation). */
export type ReissueProblem = Extract<OrderProblem, { field: "csr" | "validationMethod" }>;
