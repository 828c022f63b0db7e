"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { cancelCertificateOrder } from "@/lib/orders/cancel-certificate-order";
import { certificateOrderInput } from "@/lib/orders/certificate-order-input";
import { placeCertificateOrder } from "@/lib/orders/place-certificate-order";

export const placeCertificateOrderAction = authedAction(
  certificateOrderInput,
  { name: "placeCertificateOrder" },
  (order, { user, ip, now }) => placeCertificateOrder({ ownerId: user.id, actorId: user.id, ip, now, order }),
);

export const cancelCertificateOrderAction = authedAction(
  z.object({ certificateId: z.string().trim().min(1).max(64) }),
  { name: "cancelCertificateOrder" },
  ({ certificateId }, { user, ip, now }) =>
    cancelCertificateOrder({ ownerId: user.id, certificateId, actorId: user.id, ip, now }),
);
