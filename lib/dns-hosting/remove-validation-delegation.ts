import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Stops automatic validation of one of the owner's third-party domains. Renewals still
 * waiting then need the record by hand (the certificate page shows it); records already
 * written at the old target go once their certificates no longer need them.
 */
export async function removeValidationDelegation(input: {
  ownerId: string;
  delegationId: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<{ removed: true }> {
  return db.$transaction(async (tx) => {
    const delegation = await tx.validationDelegation.findFirst({
      where: { id: input.delegationId, ownerId: input.ownerId },
      select: { id: true, domain: true },
    });
    if (!delegation) throw new AppError("NOT_FOUND");
    await tx.validationDelegation.delete({ where: { id: delegation.id } });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "validationDelegation.remove",
      targetType: "ValidationDelegation",
      targetId: delegation.id,
      before: { domain: delegation.domain },
      ip: input.ip,
      at: input.now,
    });
    return { removed: true as const };
  });
}
