"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { deleteCertificate } from "@/lib/certificates/delete-certificate";
import { REVOCATION_REASONS } from "@/lib/certificates/revocation-rules";
import { revokeCertificate } from "@/lib/certificates/revoke-certificate";
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

const revokeInput = certificateInput.extend({ reason: z.enum(REVOCATION_REASONS) });

export const revokeCertificateAction = authedAction(
  revokeInput,
  { name: "revokeCertificate" },
  ({ certificateId, reason }, { user, ip, now }) =>
    revokeCertificate({ ownerId: user.id, certificateId, reason, actorId: user.id, ip, now }),
);

// The ids of the cloud resources and deployment targets the dialog listed and the customer
// agreed may lose the certificate; the console always checks, never "ALL".
const deleteInput = certificateInput.extend({
  confirmedUserIds: z.array(z.string().trim().min(1).max(64)).max(500),
});

export const deleteCertificateAction = authedAction(
  deleteInput,
  { name: "deleteCertificate" },
  ({ certificateId, confirmedUserIds }, { user, ip, now }) =>
    deleteCertificate({
      ownerId: user.id,
      certificateId,
      confirmedResourceIds: confirmedUserIds,
      actorId: user.id,
      ip,
      now,
    }),
);
