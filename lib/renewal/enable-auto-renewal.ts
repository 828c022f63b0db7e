import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { autoRenewEligibilityFailures } from "@/lib/renewal/auto-renew-rules";
import { loadRenewalFacts, lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

export type AutoRenewChange = { ownerId: string; certificateId: string; actorId: string; ip: string | null; now: Date };

/**
 * Turns auto-renewal on after checking every rule the dialog shows, in one
 * transaction with the certificate row locked: a forged request gets the same refusal.
 */
export async function enableAutoRenewal(change: AutoRenewChange): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockOwnedCertificate(tx, change.ownerId, change.certificateId))) throw new AppError("NOT_FOUND");
    const loaded = await loadRenewalFacts(tx, change.ownerId, change.certificateId);
    if (!loaded) throw new AppError("NOT_FOUND");
    const { facts, prices } = loaded;
    const supported = prices.filter((price) => price.autoRenewSupported);
    const failures = autoRenewEligibilityFailures(facts, supported, change.now);
    if (failures.length > 0) throw new AppError("AUTO_RENEW_NOT_ELIGIBLE", { reasons: failures.join(",") });

    await tx.certificate.update({
      where: { id: facts.id },
      data: { autoRenewState: "ON", autoRenewChangedAt: change.now, autoRenewEndReason: null },
    });
    await recordAudit(tx, {
      actorId: change.actorId,
      action: "certificate.auto_renew.enable",
      targetType: "Certificate",
      targetId: facts.id,
      before: { autoRenewState: facts.autoRenewState, autoRenewEndReason: facts.autoRenewEndReason },
      after: { autoRenewState: "ON", autoRenewEndReason: null },
      ip: change.ip,
      at: change.now,
    });
  });
}
