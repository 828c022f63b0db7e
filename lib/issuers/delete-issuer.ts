import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Deletes an ACME issuer no product uses and no certificate came from (the database
 * restricts both as well); its account at the CA is left as it is. Audited.
 */
export async function deleteIssuer(
  actor: Actor,
  input: { issuerId: string },
  context: { ip: string | null; now: Date },
): Promise<{ deleted: true }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const issuer = await tx.issuer.findUnique({
      where: { id: input.issuerId },
      select: { id: true, name: true, directoryUrl: true, _count: { select: { prices: true, certificates: true } } },
    });
    if (!issuer) throw new AppError("NOT_FOUND");
    if (issuer._count.prices > 0 || issuer._count.certificates > 0) {
      throw new AppError("ISSUER_IN_USE", { name: issuer.name, products: issuer._count.prices });
    }
    await tx.issuer.delete({ where: { id: issuer.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "issuer.delete",
      targetType: "Issuer",
      targetId: issuer.id,
      before: { name: issuer.name, directoryUrl: issuer.directoryUrl },
      ip: context.ip,
      at: context.now,
    });
    return { deleted: true as const };
  });
}
