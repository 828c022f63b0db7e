"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { disableAutoRenewal } from "@/lib/renewal/disable-auto-renewal";
import { enableAutoRenewal } from "@/lib/renewal/enable-auto-renewal";

const certificateInput = z.object({ certificateId: z.string().trim().min(1).max(64) });

export const enableAutoRenewalAction = authedAction(
  certificateInput,
  { name: "enableAutoRenewal" },
  ({ certificateId }, { user, ip, now }) =>
    enableAutoRenewal({ ownerId: user.id, certificateId, actorId: user.id, ip, now }),
);

export const disableAutoRenewalAction = authedAction(
  certificateInput,
  { name: "disableAutoRenewal" },
  ({ certificateId }, { user, ip, now }) =>
    disableAutoRenewal({ ownerId: user.id, certificateId, actorId: user.id, ip, now }),
);
