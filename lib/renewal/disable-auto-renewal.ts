import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { deactivationRefusal } from "@/lib/renewal/auto-renew-rules";
import type { AutoRenewChange } from "@/lib/renewal/enable-auto-renewal";
import { loadRenewalFacts, lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

/** Turns auto-renewal off, as long as the renewal fee has not been deducted yet. */
export async function disableAutoRenewal(change: AutoRenewChange): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockOwnedCertificate(tx, change.ownerId, change.certificateId))) throw new AppError("NOT_FOUND");
    const loaded = await loadRenewalFacts(tx, change.ownerId, change.certificateId);
    if (!loaded) throw new AppError("NOT_FOUND");
    const { facts } = loaded;
    const refusal = deactivationRefusal(facts.autoRenewState, facts.renewalUnderWay);
    if (refusal === "ALREADY_DEDUCTED") throw new AppError("AUTO_RENEW_ALREADY_DEDUCTED");
    if (refusal === "NOT_ON") throw new AppError("AUTO_RENEW_NOT_ON");

    await tx.certificate.update({
      where: { id: facts.id },
      data: { autoRenewState: "OFF", autoRenewChangedAt: change.now, autoRenewEndReason: null },
    });
    await recordAudit(tx, {
      actorId: change.actorId,
      action: "certificate.auto_renew.disable",
      targetType: "Certificate",
      targetId: facts.id,
      before: { autoRenewState: facts.autoRenewState },
      after: { autoRenewState: "OFF" },
      ip: change.ip,
      at: change.now,
    });
  });
}
