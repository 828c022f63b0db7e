import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { disableAutoRenewal } from "@/lib/renewal/disable-auto-renewal";
import { enableAutoRenewal } from "@/lib/renewal/enable-auto-renewal";
import { appErrorToTc3 } from "@/lib/tencent-api/app-error-to-tc3";
import { defineTc3Action, type Tc3ActionContext } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

const MAX_BATCH = 50;

/**
 * Switches one certificate's auto-renewal with the console's own use cases, so it is refused
 * exactly when the dialog refuses it (outside the enabling window, not eligible, fee already
 * deducted). Asking for the state it is already in succeeds and changes nothing.
 */
async function switchAutoRenew(certificateId: string, on: boolean, context: Tc3ActionContext): Promise<void> {
  const change = {
    ownerId: context.ownerId,
    certificateId,
    actorId: context.ownerId,
    ip: context.ip,
    now: context.now,
  };
  try {
    if (on) await enableAutoRenewal(change);
    else await disableAutoRenewal(change);
  } catch (error) {
    const alreadyThere =
      isAppError(error) &&
      (on
        ? error.code === "AUTO_RENEW_NOT_ELIGIBLE" && error.details.reasons === "ALREADY_ON"
        : error.code === "AUTO_RENEW_NOT_ON");
    if (!alreadyThere) throw error;
  }
}

/**
 * CertDeskModifyAutoRenew: CertDesk's own action (the original has none that switches
 * auto-renewal on an existing certificate). CertificateId: refusals answer as errors.
 * CertificateIds (up to 50): each is switched on its own; the answer lists those that were
 * and, in FailCertificates, those refused with their code and message.
 */
export const certDeskModifyAutoRenew = defineTc3Action({
  name: "CertDeskModifyAutoRenew",
  access: "write",
  params: z.object({
    CertificateId: tc3.certificateId().optional(),
    CertificateIds: z.array(tc3.certificateId()).min(1).max(MAX_BATCH).optional(),
    AutoRenewFlag: tc3.flag(),
  }),
  run: async ({ CertificateId, CertificateIds, AutoRenewFlag }, context) => {
    const on = AutoRenewFlag === 1;
    if (CertificateId !== undefined && CertificateIds !== undefined) {
      throw new Tc3Error("InvalidParameter", {}, { messageKey: "idOrIds" });
    }
    if (CertificateId !== undefined) {
      await switchAutoRenew(CertificateId, on, context);
      return { CertificateIds: [CertificateId], FailCertificates: [] };
    }
    if (!CertificateIds) throw new Tc3Error("MissingParameter", { name: "CertificateId" });
    const switched: string[] = [];
    const failed: { CertificateId: string; Code: string; Message: string }[] = [];
    for (const id of new Set(CertificateIds)) {
      try {
        await switchAutoRenew(id, on, context);
        switched.push(id);
      } catch (error) {
        if (!isAppError(error)) throw error;
        const refusal = appErrorToTc3(error, context.t, context.locale);
        failed.push({
          CertificateId: id,
          Code: refusal.code,
          Message: refusal.options.message ?? context.t(`tencentApi.errors.${refusal.messageKey}`, refusal.values),
        });
      }
    }
    return { CertificateIds: switched, FailCertificates: failed };
  },
});
