import { z } from "zod";
import { MAX_IGNORE_NOTIFICATIONS_BATCH, setIgnoreNotifications } from "@/lib/certificates/set-ignore-notifications";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/**
 * ModifyCertificatesExpiringNotificationSwitch: ignore (1) or stop ignoring (0) expiry
 * notices for up to 50 certificates, all or nothing, as the console's switch.
 */
export const modifyCertificatesExpiringNotificationSwitch = defineTc3Action({
  name: "ModifyCertificatesExpiringNotificationSwitch",
  access: "write",
  params: z.object({ CertificateIds: z.array(tc3.certificateId()).min(1).max(1_000), SwitchStatus: tc3.flag() }),
  run: async ({ CertificateIds, SwitchStatus }, { ownerId, ip, now }) => {
    if (CertificateIds.length > MAX_IGNORE_NOTIFICATIONS_BATCH) {
      throw new Tc3Error("InvalidParameter.CertificatesNumberExceeded", { max: MAX_IGNORE_NOTIFICATIONS_BATCH });
    }
    await setIgnoreNotifications({
      ownerId,
      certificateIds: CertificateIds,
      ignore: SwitchStatus === 1,
      actorId: ownerId,
      ip,
      now,
    });
    return { CertificateIds: [...new Set(CertificateIds)] };
  },
});
