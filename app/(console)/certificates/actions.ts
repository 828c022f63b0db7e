"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { disableAutoRenewal } from "@/lib/renewal/disable-auto-renewal";
import { enableAutoRenewal } from "@/lib/renewal/enable-auto-renewal";
import { renewManually } from "@/lib/renewal/renew-manually";
import { verifyRenewalNow } from "@/lib/renewal/verify-renewal-now";

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

export const renewManuallyAction = authedAction(
  certificateInput,
  { name: "renewManually" },
  ({ certificateId }, { user, ip, now }) =>
    renewManually({ ownerId: user.id, certificateId, actorId: user.id, ip, now }),
);

export const verifyRenewalNowAction = authedAction(
  certificateInput,
  { name: "verifyRenewalNow" },
  ({ certificateId }, { user, now }) => verifyRenewalNow({ ownerId: user.id, certificateId, now }),
);
